using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Ita;

namespace WiangHa.Platform.UnitTests.Alerts;

public sealed class AlertScheduleTests
{
    private static readonly IReadOnlyList<ItaDeadline> Season2570 = ProvisionalItaCalendar.For(2570);

    private static List<(DateOnly Day, AlertOccasion Occasion)> Walk(AlertPolicy policy)
    {
        var occasions = new List<(DateOnly, AlertOccasion)>();
        for (var day = new DateOnly(2026, 10, 1); day <= new DateOnly(2027, 9, 30); day = day.AddDays(1))
        {
            occasions.AddRange(AlertSchedule.Due(Season2570, policy, day).Select(o => (day, o)));
        }

        return occasions;
    }

    [Fact]
    public void A_season_has_each_action_milestone_at_30_14_7_3_1_days_and_the_day_after_and_nothing_for_the_results_day()
    {
        var walk = Walk(new AlertPolicy());

        walk.Count.ShouldBe(24);
        walk.ShouldNotContain(o => o.Occasion.Milestone.Key == "results");
        var close = walk.Where(o => o.Occasion.Milestone.Key == "oit-close").ToList();
        close.Select(o => o.Day).ShouldBe([new(2027, 3, 31), new(2027, 4, 16), new(2027, 4, 23), new(2027, 4, 27), new(2027, 4, 29), new(2027, 5, 1)]);
        close.Select(o => o.Occasion.LeadKey).ShouldBe(["30", "14", "7", "3", "1", "overdue"]);
    }

    [Fact]
    public void An_operators_policy_of_its_own_lead_times_without_overdue_is_what_the_season_follows()
    {
        var walk = Walk(new AlertPolicy { LeadDays = "10 2", Overdue = false });

        walk.Count.ShouldBe(8);
        walk.Where(o => o.Occasion.Milestone.Key == "registration").Select(o => o.Day).ShouldBe([new(2026, 12, 22), new(2026, 12, 30)]);
    }
}
