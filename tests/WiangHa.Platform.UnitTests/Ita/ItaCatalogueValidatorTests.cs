using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.UnitTests.Ita;

public sealed class ItaCatalogueValidatorTests
{
    [Theory]
    [InlineData(2566, 43)]
    [InlineData(2567, 4)]
    [InlineData(2568, 20)]
    [InlineData(2569, 23)]
    public void Shipped_catalogues_are_valid(int year, int items)
    {
        var catalogue = ShippedCatalogues.Read(year);
        ItaCatalogueValidator.Validate(catalogue).ShouldBeEmpty();
        catalogue.AllItems().Count().ShouldBe(items);
    }

    [Theory]
    [InlineData(2566, true, "")]
    [InlineData(2567, false, "O4–O34")]
    [InlineData(2568, false, "O2, O5–O7, O25, O26")]
    [InlineData(2569, false, "O5–O7")]
    public void Only_the_whole_2566_list_projects_a_score(int year, bool complete, string unknown)
    {
        var catalogue = ShippedCatalogues.Read(year);
        catalogue.IsComplete().ShouldBe(complete);
        Domain.Compliance.OitProjection.Abbreviate(catalogue.UnknownItemCodes()).ShouldBe(unknown);
    }

    [Fact]
    public void The_2569_catalogue_is_provisional_with_the_measures_and_report_items_and_their_data_years()
    {
        var catalogue = ShippedCatalogues.Read(2569);
        catalogue.AllItems().Select(i => i.Code).ShouldBe(Enumerable.Range(1, 26).Where(n => n is < 5 or > 7).Select(n => $"O{n}"));
        catalogue.AllItems().ShouldAllBe(i => !i.Confirmed);
        catalogue.IsProvisional().ShouldBeTrue();
        catalogue.FindItem("O25")!.Kind.ShouldBe(ItaItemKind.Measures);
        catalogue.FindItem("O25")!.DataYear!.FiscalYearFor(2569).ShouldBe(2569);
        catalogue.FindItem("O26")!.Kind.ShouldBe(ItaItemKind.MeasuresReport);
        catalogue.FindItem("O26")!.DataYear!.FiscalYearFor(2569).ShouldBe(2568);
        // Plans of the current fiscal year, reports of the previous one, as the headings state.
        catalogue.AllItems().Where(i => i.DataYear is { Offset: 0 }).Select(i => i.Code).ShouldBe(["O11", "O13", "O19", "O21", "O23", "O25"]);
        catalogue.AllItems().Where(i => i.DataYear is { Offset: -1 }).Select(i => i.Code).ShouldBe(["O12", "O14", "O18", "O22", "O24", "O26"]);
        catalogue.AllItems().Where(i => i.Kind != ItaItemKind.Disclosure).Select(i => i.Code).ShouldBe(["O25", "O26"]);
    }

    [Fact]
    public void A_catalogue_marked_complete_must_have_no_gaps_and_no_unknown_items()
    {
        static ItaCatalogue With(params string[] codes) => new()
        {
            Year = 2570, Title = "ก",
            Indicators = [new ItaIndicator { Code = "9", Title = "ก", SubIndicators = [new ItaSubIndicator { Code = "9.1", Title = "ก", Items = [.. codes.Select(c => new ItaItem { Code = c, Title = "ก" })] }] }],
        };

        ItaCatalogueValidator.Validate(With("O1", "O2", "O3")).ShouldBeEmpty();
        ItaCatalogueValidator.Validate(With("O1", "O3")).ShouldContain(e => e.Contains("ไม่มีข้อ O2", StringComparison.Ordinal));
        ItaCatalogueValidator.Validate(With("O1", "O3") with { Complete = false }).ShouldBeEmpty();
        ItaCatalogueValidator.Validate(With("O1") with { UnknownItems = ["O2"] }).ShouldContain(e => e.Contains("unknownItems", StringComparison.Ordinal));
        ItaCatalogueValidator.Validate(With("O1") with { Complete = false, UnknownItems = ["O1"] })
            .ShouldContain("ข้อ O1 อยู่ทั้งในรายการข้อและในรายการข้อที่ยังไม่ทราบ (unknownItems)");
    }

    [Fact]
    public void The_2566_catalogue_has_O1_to_O43_and_the_measures_item_with_the_seeds_unconfirmed_elements()
    {
        var catalogue = ShippedCatalogues.Read(2566);
        catalogue.AllItems().Select(i => i.Code).ShouldBe(Enumerable.Range(1, 43).Select(n => $"O{n}"));
        var o42 = catalogue.FindItem("O42")!;
        o42.Kind.ShouldBe(ItaItemKind.Measures);
        o42.Elements.Count.ShouldBe(3);
        o42.Elements.ShouldAllBe(e => !e.Confirmed);
        catalogue.SubIndicatorOf("O42")!.Code.ShouldBe("10.2");
    }

    [Fact]
    public void The_2567_report_item_asks_for_actions_of_the_previous_fiscal_year()
    {
        var o35 = ShippedCatalogues.Read(2567).FindItem("O35")!;
        o35.Kind.ShouldBe(ItaItemKind.MeasuresReport);
        o35.DataYear!.FiscalYearFor(2567).ShouldBe(2566);
        o35.Elements.Select(e => e.Text).ShouldBe(["มาตรการหรือกิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม", "ผลลัพธ์หรือความสำเร็จของการดำเนินการ"]);
    }

    [Fact]
    public void Each_kind_of_error_is_named()
    {
        var catalogue = new ItaCatalogue
        {
            Year = 2570,
            Title = "",
            Indicators =
            [
                new ItaIndicator
                {
                    Code = "9", Title = "การเปิดเผยข้อมูล",
                    SubIndicators =
                    [
                        new ItaSubIndicator { Code = "9.1", Title = "ข้อมูลพื้นฐาน", Items = [new() { Code = "O1", Title = "โครงสร้าง" }, new() { Code = "O1", Title = "ซ้ำ" }, new() { Code = "O2", Title = " " }] },
                        new ItaSubIndicator { Code = "11.1", Title = "ไม่มีตัวชี้วัดนี้", Items = [] },
                    ],
                },
            ],
        };
        var errors = ItaCatalogueValidator.Validate(catalogue);
        errors.ShouldContain("ไม่มีชื่อคู่มือ (title)");
        errors.ShouldContain("รหัสข้อซ้ำ: O1 (รหัสข้อต้องไม่ซ้ำกันทั้งคู่มือ)");
        errors.ShouldContain("ข้อ O2 ไม่มีชื่อข้อ (title)");
        errors.ShouldContain(e => e.StartsWith("ตัวชี้วัดย่อย 11.1 อ้างถึงตัวชี้วัด 11 ซึ่งไม่มีในคู่มือนี้", StringComparison.Ordinal));
    }

    [Fact]
    public void The_completeness_marker_survives_both_import_formats()
    {
        var catalogue = ShippedCatalogues.Read(2568);
        using var xlsx = new MemoryStream(ItaCatalogueFormats.ToXlsx(catalogue));
        var fromXlsx = ItaCatalogueFormats.ParseXlsx(xlsx).Catalogue!;
        fromXlsx.Complete.ShouldBeFalse();
        fromXlsx.UnknownItems.ShouldBe(["O2", "O5", "O6", "O7", "O25", "O26"]);
        var fromJson = ItaCatalogueFormats.FromStoredJson(ItaCatalogueFormats.ToJson(catalogue));
        fromJson.Complete.ShouldBeFalse();
        fromJson.UnknownItems.ShouldBe(catalogue.UnknownItems);
        // A file that does not say is taken as the whole list (and then must have no gaps to import).
        ItaCatalogueFormats.FromStoredJson("{\"year\":2570,\"title\":\"ก\"}").Complete.ShouldBeTrue();
    }
}
