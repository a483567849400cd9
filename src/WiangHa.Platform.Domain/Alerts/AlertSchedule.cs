using WiangHa.Platform.Domain.Ita;

namespace WiangHa.Platform.Domain.Alerts;

/// <summary>One alert occasion: a milestone, and how many days before it (0 or less: overdue, the day after).</summary>
public sealed record AlertOccasion(ItaDeadline Milestone, int DaysBefore)
{
    public bool IsOverdue => DaysBefore < 0;

    /// <summary>"30", "1", "overdue": the lead time part of an alert's idempotency key.</summary>
    public string LeadKey => IsOverdue ? "overdue" : DaysBefore.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string LeadTh => IsOverdue ? "เลยกำหนดแล้ว" : DaysBefore == 1 ? "พรุ่งนี้" : $"อีก {DaysBefore} วัน";
}

/// <summary>Which occasions fall on a given Bangkok day under a policy: a pure rule, walked day by day in the tests.</summary>
public static class AlertSchedule
{
    /// <summary>
    /// The steps an LAO acts by: register, answer the OIT between its opening and closing, clarify. The results day is
    /// shown on the dashboards but alerts nobody: once the clarification window has closed, a failing item can no
    /// longer change the year's score, and a reminder would be noise.
    /// </summary>
    public static readonly IReadOnlySet<string> ActionMilestones = new HashSet<string>(StringComparer.Ordinal) { "registration", "oit-open", "oit-close", "clarification" };

    public static IReadOnlyList<AlertOccasion> Due(IEnumerable<ItaDeadline> milestones, AlertPolicy policy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var leads = policy.LeadDayList;
        var due = new List<AlertOccasion>();
        foreach (var milestone in milestones.Where(m => ActionMilestones.Contains(m.Key)))
        {
            var daysBefore = milestone.Date.DayNumber - today.DayNumber;
            if (leads.Contains(daysBefore))
            {
                due.Add(new AlertOccasion(milestone, daysBefore));
            }
            else if (policy.Overdue && daysBefore == -1)
            {
                due.Add(new AlertOccasion(milestone, -1));
            }
        }

        return due;
    }
}
