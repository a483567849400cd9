using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.UnitTests.Ita;

public sealed class ItaCatalogueValidatorTests
{
    [Theory]
    [InlineData(2566, 43)]
    [InlineData(2567, 4)]
    [InlineData(2568, 20)]
    [InlineData(2569, 8)]
    public void Shipped_catalogues_are_valid(int year, int items)
    {
        var catalogue = ShippedCatalogues.Read(year);
        ItaCatalogueValidator.Validate(catalogue).ShouldBeEmpty();
        catalogue.AllItems().Count().ShouldBe(items);
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
}
