using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>
/// The wording of one item of a year's ITA manual, as documents cite it (the seed report quotes 2567 O35 and
/// 2566 O42 this way).
/// </summary>
/// <param name="AssessmentYear">ปีงบประมาณของคู่มือการประเมิน (พ.ศ.), e.g. 2567.</param>
/// <param name="SubIndicatorCode">ตัวชี้วัดย่อย, e.g. "10.2".</param>
/// <param name="SubIndicatorTitle">e.g. "มาตรการส่งเสริมคุณธรรมและความโปร่งใส".</param>
/// <param name="Code">e.g. "O35".</param>
/// <param name="Title">e.g. "การรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน".</param>
/// <param name="RequiredElements">องค์ประกอบด้านข้อมูล, in the manual's order.</param>
/// <param name="DataYearRule">The time condition, e.g. "เป็นการดำเนินการในปี พ.ศ. 2566"; null when none.</param>
/// <param name="ElementsConfirmed">False when the wording was not checked against the NACC manual itself.</param>
public sealed record ItaItemText(
    int AssessmentYear,
    string SubIndicatorCode,
    string SubIndicatorTitle,
    string Code,
    string Title,
    IReadOnlyList<string> RequiredElements,
    string? DataYearRule,
    bool ElementsConfirmed);

/// <summary>Looks up an item's wording in the ITA manual catalogue of its assessment year.</summary>
public interface IItaItemTexts
{
    Task<ItaItemText?> FindAsync(int assessmentYear, string code, CancellationToken cancellationToken = default);
}

/// <summary>
/// Interim source: the two items the seed report quotes, word for word. The versioned ITA manual catalogue replaces
/// this registration; callers depend only on <see cref="IItaItemTexts"/>.
/// </summary>
public sealed class SeedQuotedItaItemTexts : IItaItemTexts
{
    private static readonly ItaItemText[] Items =
    [
        new(2566, "10.2", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "O42", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            [
                "แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐในปี พ.ศ. 2566",
                "มีข้อมูลแสดงรายการวิเคราะห์ อย่างน้อยประกอบด้วย (1) ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องพัฒนาแก้ไขโดยเร่งด่วน (2) ประเด็นที่จะต้องพัฒนาให้ดีขึ้น ที่มีความสอดคล้องกับผลการประเมินฯ",
                "มีการกำหนดแนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติหรือมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานให้ดีขึ้น ซึ่งสอดคล้องตามผลการวิเคราะห์การประเมินฯ โดยมีรายละเอียดต่าง ๆ อย่างน้อยประกอบด้วย (1) การกำหนดผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง (2) การกำหนดขั้นตอนหรือวิธีปฏิบัติ และ (3) การกำหนดแนวทางการกำกับติดตามให้ผลไปสู่การปฏิบัติและการรายงาน",
            ],
            null,
            ElementsConfirmed: false),
        new(2567, "10.2", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "O35", "การรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            [
                "มาตรการหรือกิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม",
                "ผลลัพธ์หรือความสำเร็จของการดำเนินการ",
            ],
            "เป็นการดำเนินการในปี พ.ศ. 2566",
            ElementsConfirmed: false),
    ];

    public Task<ItaItemText?> FindAsync(int assessmentYear, string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(Items.FirstOrDefault(i => i.AssessmentYear == assessmentYear && string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase)));

}

/// <summary>Item wording from the published ITA manual catalogue of the year (the registration in use).</summary>
public sealed class CatalogueItaItemTexts(ItaCatalogueQueries queries) : IItaItemTexts
{
    public async Task<ItaItemText?> FindAsync(int assessmentYear, string code, CancellationToken cancellationToken = default)
    {
        var version = await queries.PublishedAsync(assessmentYear, cancellationToken);
        if (version?.Catalogue.FindItem(code) is not { } item)
        {
            return null;
        }

        var sub = version.Catalogue.SubIndicatorOf(item.Code)!;
        return new ItaItemText(assessmentYear, sub.Code, sub.Title, item.Code, item.Title, item.Elements.Select(e => e.Text).ToList(),
            item.DataYear?.Text, item.Elements.Count > 0 && item.Elements.All(e => e.Confirmed));
    }
}
