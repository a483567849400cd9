using WiangHa.Platform.Domain.Calendar;

namespace WiangHa.Platform.UnitTests.Calendar;

public sealed class ThaiCalendarTests
{
    [Theory]
    [InlineData("0123456789", "๐๑๒๓๔๕๖๗๘๙")]
    [InlineData("ปีงบประมาณ พ.ศ. 2566 (รอบ 12 เดือน)", "ปีงบประมาณ พ.ศ. ๒๕๖๖ (รอบ ๑๒ เดือน)")]
    [InlineData("", "")]
    [InlineData("O35", "O๓๕")]
    public void Thai_digits_round_trip(string arabic, string thai)
    {
        ThaiNumerals.ToThaiDigits(arabic).ShouldBe(thai);
        ThaiNumerals.ToArabicDigits(thai).ShouldBe(arabic);
    }

    [Fact]
    public void Zero_is_thai_zero_not_the_letter_o() =>
        ThaiNumerals.ToThaiDigits(0).ShouldBe("๐");

    [Theory]
    [InlineData(2022, 9, 30, 2565)]
    [InlineData(2022, 10, 1, 2566)]
    [InlineData(2023, 9, 30, 2566)]
    [InlineData(2023, 10, 1, 2567)]
    [InlineData(2026, 11, 28, 2570)]
    public void Fiscal_year_starts_on_1_october(int year, int month, int day, int expected) =>
        FiscalYear.Containing(new DateOnly(year, month, day)).BuddhistYear.ShouldBe(expected);

    [Fact]
    public void Fiscal_year_2566_runs_from_1_october_2022_to_30_september_2023()
    {
        var fy = new FiscalYear(2566);
        fy.Start.ShouldBe(new DateOnly(2022, 10, 1));
        fy.End.ShouldBe(new DateOnly(2023, 9, 30));
    }

    [Theory]
    [InlineData("2022-09-30T16:59:59Z", 2565)] // 23:59:59 in Bangkok on 30 Sep
    [InlineData("2022-09-30T17:00:00Z", 2566)] // 00:00 in Bangkok on 1 Oct
    public void Fiscal_year_of_an_instant_follows_bangkok_time(string instant, int expected) =>
        FiscalYear.Containing(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).BuddhistYear.ShouldBe(expected);

    [Theory]
    [InlineData("ตุลาคม ๒๕๖๕", 2022, 10)]
    [InlineData("มีนาคม ๒๕๖๖", 2023, 3)]
    [InlineData("ต.ค. 2565", 2022, 10)]
    [InlineData("ต.ค 65", 2022, 10)]
    [InlineData("  กันยายน   2568 ", 2025, 9)]
    public void Thai_month_parses_official_forms(string text, int year, int month)
    {
        ThaiMonth.TryParseThai(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(new ThaiMonth(year, month));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ตุลาคม")]
    [InlineData("October 2565")]
    [InlineData("ตุลาคม 1999")]
    [InlineData("ตุลาคม ๒๕๖๕ ถึง มีนาคม ๒๕๖๖")]
    public void Thai_month_refuses_what_it_cannot_read(string text) =>
        ThaiMonth.TryParseThai(text, out _).ShouldBeFalse();

    [Fact]
    public void Thai_month_formats_with_buddhist_era_and_optional_thai_digits()
    {
        var october = ThaiMonth.FromBuddhist(2565, 10);
        october.ToThai().ShouldBe("ตุลาคม 2565");
        october.ToThai(thaiDigits: true).ShouldBe("ตุลาคม ๒๕๖๕");
        october.FirstDay.ShouldBe(new DateOnly(2022, 10, 1));
    }

    [Fact]
    public void Months_compare_across_the_new_year()
    {
        (ThaiMonth.FromBuddhist(2565, 12) < ThaiMonth.FromBuddhist(2566, 1)).ShouldBeTrue();
        (ThaiMonth.FromBuddhist(2566, 3) >= ThaiMonth.FromBuddhist(2565, 10)).ShouldBeTrue();
    }
}
