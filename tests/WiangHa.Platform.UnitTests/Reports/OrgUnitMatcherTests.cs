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

    [Fact]
    public void A_word_that_is_known_names_run_together_is_those_units_and_never_a_new_one()
    {
        // Line breaks of a Word cell lost on reading: one word for four units.
        var match = OrgUnitMatcher.Find(["สำนักปลัดกองคลังกองช่างกองการศึกษาฯ"], Units);

        match.Units.Select(u => u.Name).ShouldBe(["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"]);
        match.Unknown.ShouldBeEmpty();
    }

    [Fact]
    public void A_joined_unit_that_already_exists_never_swallows_the_real_ones()
    {
        // An LAO poisoned by an earlier import: the joined name exists as a unit of its own.
        OrgUnit[] poisoned = [.. Units, new() { Name = "สำนักปลัดกองคลังกองช่างกองการศึกษาฯ" }];

        var match = OrgUnitMatcher.Find("สำนักปลัด กองคลัง กองช่าง กองการศึกษาฯ".Split(' '), poisoned);

        match.Units.Select(u => u.Name).ShouldBe(["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"]);
    }

    [Fact]
    public void A_name_that_is_only_partly_known_stays_unknown()
    {
        var match = OrgUnitMatcher.Find(["กองคลังกองสาธารณสุข"], Units);

        match.Units.ShouldBeEmpty();
        match.Unknown.ShouldBe(["กองคลังกองสาธารณสุข"]);
    }
}
