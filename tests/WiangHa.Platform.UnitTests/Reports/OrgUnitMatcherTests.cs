using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Reports.Import;

namespace WiangHa.Platform.UnitTests.Reports;

public sealed class OrgUnitMatcherTests
{
    private static readonly OrgUnit[] Units =
    [
        new() { Name = "สำนักปลัด" }, new() { Name = "กองคลัง" }, new() { Name = "กองช่าง" }, new() { Name = "กองการศึกษาฯ" },
    ];

    [Theory]
    [InlineData("สำนักปลัด กองคลัง กองช่าง กองการศึกษาฯ", 4)]
    [InlineData("สำนักปลัด กองการศึกษา", 2)] // without ฯ
    [InlineData("กอง การศึกษา ฯ", 1)] // spaces inside the name
    [InlineData("กองคลัง. สำนักปลัด", 2)]
    public void Names_match_tolerating_the_abbreviation_mark_and_spaces(string text, int expected)
    {
        var match = OrgUnitMatcher.Find(text.Split(' '), Units);
        match.Units.Count.ShouldBe(expected);
        match.Unknown.ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_names_are_reported_once_each()
    {
        var match = OrgUnitMatcher.Find(["สำนักปลัด", "กองสาธารณสุข", "กองสาธารณสุข"], Units);
        match.Units.Select(u => u.Name).ShouldBe(["สำนักปลัด"]);
        match.Unknown.ShouldBe(["กองสาธารณสุข"]);
    }
}
