using WiangHa.Platform.Domain.Ita;

namespace WiangHa.Platform.Domain.Alerts;

/// <summary>
/// A step of one assessment year's ITA calendar as an operator keeps it. A year without stored steps uses
/// <see cref="ProvisionalItaCalendar"/>; an operator's save stores the year's steps, each still provisional
/// (ประมาณการ) until the operator marks it confirmed by the NACC's announcement.
/// </summary>
public sealed class AssessmentMilestone
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public int AssessmentYear { get; init; }

    /// <summary>"registration", "oit-open", "oit-close", "clarification", "results".</summary>
    public required string Key { get; init; }
    public required string NameTh { get; set; }
    public required string NameEn { get; set; }
    public DateOnly Date { get; set; }
    public bool Provisional { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }

    public ItaDeadline ToDeadline() => new(AssessmentYear, Key, NameTh, NameEn, Date, Provisional);
}

/// <summary>
/// When alerts go out before each milestone: the platform's one policy, edited by operators. Lead times in days
/// before the milestone, and whether an LAO still failing the day after it gets an overdue notice.
/// </summary>
public sealed class AlertPolicy
{
    public static readonly IReadOnlyList<int> DefaultLeadDays = [30, 14, 7, 3, 1];

    public int Id { get; init; } = 1;

    /// <summary>Space-separated days, largest first ("30 14 7 3 1").</summary>
    public string LeadDays { get; set; } = string.Join(' ', DefaultLeadDays);
    public bool Overdue { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<int> LeadDayList => LeadDays.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Distinct().OrderDescending().ToList();
}
