using WiangHa.Platform.Domain.Calendar;

namespace WiangHa.Platform.UnitTests.Calendar;

public sealed class ThaiDateTests
{
    [Theory]
    [InlineData("1/12/2569", 2026, 12, 1)]
    [InlineData(" 29/02/2567 ", 2024, 2, 29)]
    [InlineData("๓๑/๑๒/๒๕๖๙", 2026, 12, 31)]
    [InlineData("1-10-2568", 2025, 10, 1)]
    public void Reads_a_buddhist_era_day(string text, int year, int month, int day)
    {
        ThaiDate.TryParse(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(new DateOnly(year, month, day));
        ThaiDate.TryParse(ThaiDate.Format(parsed), out var again).ShouldBeTrue();
        again.ShouldBe(parsed);
    }

    [Theory]
    [InlineData("1/12/2026")] // a Gregorian year
    [InlineData("29/02/2566")] // 2023 is not a leap year
    [InlineData("31/4/2569")]
    [InlineData("1/13/2569")]
    [InlineData("1/12/69")]
    [InlineData("2569-12-01")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_what_is_not_a_buddhist_era_day(string? text) =>
        ThaiDate.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Formats_with_the_buddhist_era_year() =>
        ThaiDate.Format(new DateOnly(2026, 12, 1)).ShouldBe("1/12/2569");
}
