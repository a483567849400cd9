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
/// <param name="RequirementClause">The clause the manual states before the elements; null when not known.</param>
/// <param name="ElementsConfirmed">False when the wording was not checked against the NACC manual itself.</param>
public sealed record ItaItemText(
    int AssessmentYear,
    string SubIndicatorCode,
    string SubIndicatorTitle,
    string Code,
    string Title,
    IReadOnlyList<string> RequiredElements,
    string? DataYearRule,
    bool ElementsConfirmed,
    string? RequirementClause = null);

/// <summary>Looks up an item's wording in the ITA manual catalogue of its assessment year.</summary>
public interface IItaItemTexts
{
    Task<ItaItemText?> FindAsync(int assessmentYear, string code, CancellationToken cancellationToken = default);
}

/// <summary>Item wording from the published ITA manual catalogue of the year.</summary>
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
            item.DataYear?.Text, item.Elements.Count > 0 && item.Elements.All(e => e.Confirmed),
            string.IsNullOrWhiteSpace(item.RequirementClause) ? null : item.RequirementClause.Trim());
    }
}
