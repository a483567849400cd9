using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Reports;

namespace WiangHa.Platform.UnitTests.Ita;

/// <summary>
/// The item's requirement clause (what the manual says before the elements): carried by both catalogue formats, and
/// quoted by the documents so that the citation is a whole sentence, with or without it.
/// </summary>
public sealed class ItaRequirementClauseTests
{
    private const string Clause = "แสดงผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน";

    private static ItaCatalogue Catalogue(string? clause) => new()
    {
        Year = 2567, Title = "คู่มือ 2567",
        Indicators =
        [
            new ItaIndicator
            {
                Code = "10", Title = "การป้องกันการทุจริต",
                SubIndicators = [new ItaSubIndicator { Code = "10.2", Title = "มาตรการ", Items = [new ItaItem { Code = "O35", Title = "รายงานผล", RequirementClause = clause, Elements = [new ItaElement { Text = "มาตรการ" }] }] }],
            },
        ],
    };

    [Theory]
    [InlineData(Clause)]
    [InlineData(null)]
    public void The_clause_survives_the_json_and_the_xlsx_formats(string? clause)
    {
        ItaCatalogueFormats.FromStoredJson(ItaCatalogueFormats.ToJson(Catalogue(clause))).FindItem("O35")!.RequirementClause.ShouldBe(clause);
        ItaCatalogueFormats.ParseXlsx(new MemoryStream(ItaCatalogueFormats.ToXlsx(Catalogue(clause)))).Catalogue!.FindItem("O35")!.RequirementClause.ShouldBe(clause);
    }

    [Fact]
    public void The_shipped_2567_manual_quotes_the_o35_clause_and_leaves_unknown_ones_empty()
    {
        ShippedCatalogues.Read(2567).FindItem("O35")!.RequirementClause.ShouldBe(Clause);
        ShippedCatalogues.Read(2569).AllItems().ShouldAllBe(i => i.RequirementClause == null);
    }

    [Fact]
    public void A_clause_longer_than_the_limit_is_refused()
    {
        ItaCatalogueValidator.Validate(Catalogue(new string('ก', ItaItem.MaxRequirementClauseLength + 1))).ShouldContain(e => e.Contains("requirementClause", StringComparison.Ordinal));
        ItaCatalogueValidator.Validate(Catalogue(Clause)).ShouldNotContain(e => e.Contains("requirementClause", StringComparison.Ordinal));
    }

    private static ItaItemText Item(string? clause, bool dataYear = true, int elements = 3) =>
        new(2567, "10.2", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "O35", "การรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            Enumerable.Range(1, elements).Select(i => $"องค์ประกอบ {i}").ToList(), dataYear ? "เป็นการดำเนินการในปี พ.ศ. 2566" : null, false, clause);

    [Fact]
    public void The_results_citation_quotes_the_clause_as_the_seed_does()
    {
        ReportBuilder.ResultsCitation(Item(Clause)).ShouldEndWith($"ข้อ O35 การรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน กำหนดองค์ประกอบด้านข้อมูลไว้ว่า {Clause}* ที่มีรายละเอียดอย่างน้อยประกอบด้วย");
    }

    [Fact]
    public void Without_a_clause_the_citation_is_still_a_whole_sentence()
    {
        var text = ReportBuilder.ResultsCitation(Item(null));
        text.ShouldEndWith("กำหนดองค์ประกอบด้านข้อมูลให้มีรายละเอียดอย่างน้อยประกอบด้วย*");
        text.ShouldNotContain("ไว้ว่า");
        ReportBuilder.ResultsCitation(Item(null, dataYear: false, elements: 0)).ShouldEndWith("กำหนดองค์ประกอบด้านข้อมูลตามคู่มือการประเมิน");
        ReportBuilder.MeasuresCitation(Item(null)).ShouldEndWith("มีองค์ประกอบด้านข้อมูล ดังนี้");
        ReportBuilder.MeasuresCitation(Item(Clause)).ShouldEndWith($"กำหนดองค์ประกอบด้านข้อมูลไว้ว่า {Clause} โดยมีรายละเอียด ดังนี้");
    }
}
