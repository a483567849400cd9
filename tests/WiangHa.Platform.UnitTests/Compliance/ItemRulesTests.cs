using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.UnitTests.Compliance;

public sealed class ItemRulesTests
{
    private const string Url = "https://www.wiangha.go.th/ita/o35";

    /// <summary>2567 O35 as the seed quotes it: report of results, actions of FY 2566.</summary>
    private static readonly ItaItem ReportItem = new()
    {
        Code = "O35", Title = "การรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", Kind = ItaItemKind.MeasuresReport,
        DataYear = new ItaDataYearRule { Offset = -1, Text = "เป็นการดำเนินการในปี พ.ศ. 2566" },
    };

    /// <summary>2566 O42: the measures item.</summary>
    private static readonly ItaItem MeasuresItem = new()
    {
        Code = "O42", Title = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", Kind = ItaItemKind.Measures, DataYear = new ItaDataYearRule { Offset = 0 },
    };

    private static readonly ItaItem PlainItem = new() { Code = "O1", Title = "โครงสร้าง" };

    private static readonly DisclosureFacts Answered = new(DisclosureAnswer.Yes, [Url], "รายงานผล");

    private static Dictionary<string, LinkFacts> LinkOk(params int[] years) =>
        new() { [Url] = new LinkFacts(Url, LinkOutcome.Ok, 200, null, years, IsText: true) };

    private static ItemVerdict Report(IReadOnlyList<MeasureFacts> measures, DisclosureFacts? disclosure = null, Dictionary<string, LinkFacts>? links = null) =>
        ItemRules.Evaluate(new ItemContext(2567, ReportItem, OrganisationType.SubdistrictAdministrativeOrganisation, disclosure ?? Answered, measures, links ?? LinkOk(2566)));

    [Fact]
    public void The_seeds_five_measures_pass_the_report_item()
    {
        var verdict = Report(SeedMeasures.Load());
        verdict.Status.ShouldBe(ComplianceStatus.Pass, string.Join("; ", verdict.Reasons));
    }

    [Fact]
    public void A_measure_without_outcome_fails_with_that_reason()
    {
        var measures = SeedMeasures.Load().Select(m => m.Number == 3 ? m with { Outcome = " " } : m).ToList();
        var verdict = Report(measures);
        verdict.Status.ShouldBe(ComplianceStatus.Fail);
        verdict.Reasons.ShouldHaveSingleItem().ShouldBe("มาตรการที่ 3 ขาด\"ผลลัพธ์หรือความสำเร็จ\"");
    }

    [Fact]
    public void A_measure_without_result_summary_fails_with_that_reason()
    {
        var measures = SeedMeasures.Load().Select(m => m.Number == 5 ? m with { ResultPointCount = 0 } : m).ToList();
        Report(measures).Reasons.ShouldHaveSingleItem().ShouldContain("มาตรการที่ 5 ขาด\"สรุปผลการดำเนินการ\"");
    }

    [Fact]
    public void A_measure_of_the_wrong_fiscal_year_fails_the_data_year_rule()
    {
        var measures = SeedMeasures.Load().Select(m => m.Number == 2 ? m with { PeriodFrom = new DateOnly(2023, 10, 1), PeriodTo = new DateOnly(2024, 3, 1) } : m).ToList();
        var verdict = Report(measures);
        verdict.Status.ShouldBe(ComplianceStatus.Fail);
        verdict.Reasons.ShouldHaveSingleItem().ShouldBe("มาตรการที่ 2 มีระยะเวลาดำเนินการนอกปีงบประมาณ พ.ศ. 2566 ที่ข้อนี้กำหนด");
    }

    [Fact]
    public void A_period_running_past_the_fiscal_year_end_fails()
    {
        var measures = SeedMeasures.Load().Select(m => m.Number == 1 ? m with { PeriodTo = new DateOnly(2023, 10, 1) } : m).ToList();
        Report(measures).Reasons.ShouldContain(r => r.StartsWith("มาตรการที่ 1 มีระยะเวลาดำเนินการนอกปีงบประมาณ", StringComparison.Ordinal));
    }

    [Fact]
    public void Cancelled_measures_are_not_reported_on()
    {
        var measures = SeedMeasures.Load().Select(m => m.Number == 4 ? m with { Status = MeasureStatus.Cancelled, Outcome = null } : m).ToList();
        Report(measures).Status.ShouldBe(ComplianceStatus.Pass);
    }

    [Fact]
    public void No_linked_measure_fails_the_report_item() =>
        Report([]).Reasons.ShouldHaveSingleItem().ShouldStartWith("ยังไม่มีมาตรการที่ผูกกับข้อนี้");

    [Fact]
    public void The_seeds_measures_fail_the_measures_item_only_for_the_missing_urgent_weakness()
    {
        var verdict = ItemRules.Evaluate(new ItemContext(2566, MeasuresItem, OrganisationType.SubdistrictAdministrativeOrganisation, Answered, SeedMeasures.Load(), LinkOk(2566)));
        verdict.Status.ShouldBe(ComplianceStatus.Fail);
        verdict.Reasons.ShouldHaveSingleItem().ShouldContain("ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน");
    }

    [Fact]
    public void Measures_item_passes_with_both_analysis_bases_and_complete_measures()
    {
        var measures = SeedMeasures.Load().Select(m => m.Number == 1 ? m with { AnalysisBasis = AnalysisBasis.UrgentWeakness } : m).ToList();
        ItemRules.Evaluate(new ItemContext(2566, MeasuresItem, OrganisationType.SubdistrictAdministrativeOrganisation, Answered, measures, LinkOk(2566)))
            .Status.ShouldBe(ComplianceStatus.Pass);
    }

    [Fact]
    public void Measures_item_names_each_missing_element_of_a_measure()
    {
        var measures = SeedMeasures.Load().Select(m => m.Number switch
        {
            1 => m with { AnalysisBasis = AnalysisBasis.UrgentWeakness, ResponsibleUnitCount = 0 },
            2 => m with { StepCount = 0, Monitoring = null },
            _ => m,
        }).ToList();
        var reasons = ItemRules.Evaluate(new ItemContext(2566, MeasuresItem, OrganisationType.SubdistrictAdministrativeOrganisation, Answered, measures, LinkOk(2566))).Reasons;
        reasons.ShouldBe(["มาตรการที่ 1 ขาด\"ผู้รับผิดชอบ\"", "มาตรการที่ 2 ขาด\"ขั้นตอนหรือวิธีปฏิบัติ\" \"การกำกับติดตามและการรายงาน\""]);
    }

    [Fact]
    public void No_disclosure_fails_with_what_to_do() =>
        ItemRules.Evaluate(new ItemContext(2567, PlainItem, OrganisationType.SubdistrictAdministrativeOrganisation, null, [], LinkOk()))
            .Reasons.ShouldHaveSingleItem().ShouldContain("ยังไม่ได้ตอบ");

    [Fact]
    public void Answer_no_fails()
    {
        var verdict = ItemRules.Evaluate(new ItemContext(2567, PlainItem, OrganisationType.SubdistrictAdministrativeOrganisation, new DisclosureFacts(DisclosureAnswer.No, [], null), [], LinkOk()));
        verdict.Status.ShouldBe(ComplianceStatus.Fail);
        verdict.Reasons.Single().ShouldContain("ไม่มี");
    }

    [Fact]
    public void Answer_yes_without_url_fails() =>
        ItemRules.Evaluate(new ItemContext(2567, PlainItem, OrganisationType.SubdistrictAdministrativeOrganisation, new DisclosureFacts(DisclosureAnswer.Yes, [" "], null), [], LinkOk()))
            .Reasons.ShouldHaveSingleItem().ShouldContain("ยังไม่มี URL");

    [Fact]
    public void A_non_web_url_fails() =>
        ItemRules.Evaluate(new ItemContext(2567, PlainItem, OrganisationType.SubdistrictAdministrativeOrganisation, new DisclosureFacts(DisclosureAnswer.Yes, ["ftp://x.go.th/a"], null), [], LinkOk()))
            .Status.ShouldBe(ComplianceStatus.Fail);

    [Theory]
    [InlineData(LinkOutcome.Broken, ComplianceStatus.Fail, "เปิดลิงก์")]
    [InlineData(LinkOutcome.Refused, ComplianceStatus.Fail, "ไม่ใช่ที่อยู่สาธารณะ")]
    [InlineData(LinkOutcome.Unreachable, ComplianceStatus.Fail, "ผู้ประเมินเปิดไม่ได้ก็จะให้ 0 คะแนน")]
    public void Link_outcomes_map_to_fail_or_warning(LinkOutcome outcome, ComplianceStatus expected, string reason)
    {
        var links = new Dictionary<string, LinkFacts> { [Url] = new(Url, outcome, outcome == LinkOutcome.Broken ? 404 : null, "HTTP 404", [], false) };
        var verdict = ItemRules.Evaluate(new ItemContext(2567, PlainItem, OrganisationType.SubdistrictAdministrativeOrganisation, Answered, [], links));
        verdict.Status.ShouldBe(expected);
        verdict.Reasons.Single().ShouldContain(reason);
    }

    [Fact]
    public void An_unreachable_link_only_warns_when_the_years_manual_is_set_to_warn_only()
    {
        var links = new Dictionary<string, LinkFacts> { [Url] = new(Url, LinkOutcome.Unreachable, null, "ไม่พบชื่อโดเมน", [], false) };
        var verdict = ItemRules.Evaluate(new ItemContext(2567, PlainItem, OrganisationType.SubdistrictAdministrativeOrganisation, Answered, [], links, UnreachableLinksWarnOnly: true));
        verdict.Status.ShouldBe(ComplianceStatus.Warning);
        verdict.Reasons.Single().ShouldContain("เตือน");
        verdict.Scores.ShouldBeFalse();
    }

    [Fact]
    public void A_link_not_yet_checked_is_a_warning() =>
        ItemRules.Evaluate(new ItemContext(2567, PlainItem, OrganisationType.SubdistrictAdministrativeOrganisation, Answered, [], new Dictionary<string, LinkFacts>()))
            .Status.ShouldBe(ComplianceStatus.Warning);

    [Fact]
    public void A_page_without_the_required_year_is_a_warning_not_a_failure()
    {
        var verdict = Report(SeedMeasures.Load(), links: LinkOk(2565));
        verdict.Status.ShouldBe(ComplianceStatus.Warning);
        verdict.Reasons.Single().ShouldContain("ไม่ได้ระบุปี พ.ศ. 2566");
        verdict.Scores.ShouldBeFalse(); // a risk shown to the clerk, not points

    }

    [Fact]
    public void An_item_for_other_lao_types_is_not_applicable()
    {
        var item = PlainItem with { AppliesTo = [OrganisationType.ProvincialAdministrativeOrganisation] };
        ItemRules.Evaluate(new ItemContext(2567, item, OrganisationType.SubdistrictAdministrativeOrganisation, null, [], LinkOk())).Status.ShouldBe(ComplianceStatus.NotApplicable);
    }

    private static readonly ItaScoring Scoring = new() { PassMark = 85, Tiers = [new() { Name = "ผ่านดีเยี่ยม", MinScore = 95 }, new() { Name = "ผ่าน", MinScore = 85 }, new() { Name = "ต้องปรับปรุง", MinScore = 0 }] };

    private static ItemVerdict V(ComplianceStatus s) => new(s, []);

    [Fact]
    public void Projection_counts_only_passing_items_and_skips_not_applicable()
    {
        var projection = OitProjection.From([V(ComplianceStatus.Pass), V(ComplianceStatus.Warning), V(ComplianceStatus.Fail), V(ComplianceStatus.NotApplicable)], Scoring);
        projection.Score.ShouldBe(33.33m); // 1 of 3: the warning scores 0, as an assessor would give it
        projection.Passes.ShouldBeFalse();
        projection.Rating.ShouldBe("ต้องปรับปรุง");
        (projection.Applicable, projection.Passed, projection.Warnings, projection.Failed).ShouldBe((3, 1, 1, 1));
        OitProjection.From(Enumerable.Repeat(V(ComplianceStatus.Pass), 19).Append(V(ComplianceStatus.Fail)), Scoring).Rating.ShouldBe("ผ่านดีเยี่ยม");
    }

    [Fact]
    public void Warnings_alone_never_reach_the_pass_mark()
    {
        // The case: four items answered, all "warning" (one a dead URL) — once 100.00, now 0.
        var projection = OitProjection.From(Enumerable.Repeat(V(ComplianceStatus.Warning), 4), Scoring);
        projection.Score.ShouldBe(0m);
        projection.Passes.ShouldBeFalse();
    }

    [Fact]
    public void An_incomplete_manual_has_no_headline_but_keeps_the_counts()
    {
        var items = new List<ItaItem> { new() { Code = "O19", Title = "ก" }, new() { Code = "O20", Title = "ข" } };
        var fragment = new ItaCatalogue
        {
            Year = 2569, Title = "ก", Scoring = Scoring,
            Indicators = [new ItaIndicator { Code = "9", Title = "ก", SubIndicators = [new ItaSubIndicator { Code = "9.1", Title = "ก", Items = items }] }],
        };
        var projection = OitProjection.From([V(ComplianceStatus.Pass), V(ComplianceStatus.Pass)], fragment);
        projection.ManualComplete.ShouldBeFalse(); // O1–O18 missing: the numbering gives it away even without the marker
        projection.Headline.ShouldBeNull();
        projection.Score.ShouldBe(100m);
        projection.Passed.ShouldBe(2);

        var whole = fragment with { Indicators = [fragment.Indicators[0] with { SubIndicators = [fragment.Indicators[0].SubIndicators[0] with { Items = [new() { Code = "O1", Title = "ก" }, new() { Code = "O2", Title = "ข" }] }] }] };
        OitProjection.From([V(ComplianceStatus.Pass), V(ComplianceStatus.Fail)], whole).Headline.ShouldBe(50m);
        OitProjection.From([V(ComplianceStatus.Pass), V(ComplianceStatus.Fail)], whole with { Complete = false }).Headline.ShouldBeNull();
    }

    [Fact]
    public void The_reason_for_no_headline_is_thai_and_names_the_unknown_items()
    {
        var reason = OitProjection.IncompleteManualReason(2569, ["O5", "O6", "O7", "O9"]);
        reason.ShouldBe("คู่มือปี 2569 ยังมีข้อที่ไม่ทราบ (O5–O7, O9) จึงยังคำนวณคะแนนคาดการณ์ไม่ได้");
    }
}
