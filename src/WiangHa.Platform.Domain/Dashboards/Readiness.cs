namespace WiangHa.Platform.Domain.Dashboards;

public enum Readiness
{
    /// <summary>พร้อม: projected to pass, nothing late.</summary>
    Ready = 1,

    /// <summary>เสี่ยง: below the pass mark, or measures late.</summary>
    AtRisk = 2,

    /// <summary>ยังไม่เริ่ม: onboarded, but never checked for the year.</summary>
    NotStarted = 3,

    /// <summary>ยังไม่เข้าร่วม: in the DLA registry, not on the platform.</summary>
    NotOnboarded = 4,
}

/// <summary>
/// Who is at risk and why, in the words a supervisor would use on the phone. One rule for pages, exports, the API and
/// (later) the alerts, so every place calls the same LAOs at risk.
/// </summary>
public static class RiskRule
{
    public static Readiness Classify(bool onboarded, LaoStanding? standing) => (onboarded, standing) switch
    {
        (false, _) => Readiness.NotOnboarded,
        (true, null) => Readiness.NotStarted,
        (true, { } s) when !s.Passes || s.MeasuresLate > 0 => Readiness.AtRisk,
        _ => Readiness.Ready,
    };

    /// <summary>Counts as at risk on the dashboards: not started or at risk (the supervisor must chase both).</summary>
    public static bool NeedsChasing(Readiness readiness) => readiness is Readiness.AtRisk or Readiness.NotStarted;

    /// <summary>The reason in Thai, or null when the LAO is ready or not onboarded.</summary>
    /// <param name="projected">False when the year's manual has unknown items: the figure is no projected score then (ADR 0006).</param>
    public static string? Reason(bool onboarded, LaoStanding? standing, bool projected = true)
    {
        if (!onboarded)
        {
            return null;
        }

        if (standing is null)
        {
            return "ยังไม่เริ่ม: ยังไม่มีผลการตรวจของปีนี้";
        }

        var reasons = new List<string>();
        if (!standing.Passes)
        {
            var items = standing.FailingItemCodes;
            var named = items.Count == 0 ? "" : " (" + string.Join(", ", items.Take(4)) + (items.Count > 4 ? " …" : "") + ")";
            reasons.Add(projected
                ? $"คะแนนคาดการณ์ {standing.Score:0.00} ต่ำกว่า 85 ไม่ผ่าน {standing.Failed} ข้อ{named}"
                : $"ผ่าน {standing.Passed} จาก {standing.Applicable} ข้อที่ทราบ ไม่ผ่าน {standing.Failed} ข้อ{named}");
        }

        if (standing.MeasuresLate > 0)
        {
            reasons.Add($"มาตรการเลยกำหนด {standing.MeasuresLate} รายการ");
        }

        return reasons.Count == 0 ? null : string.Join(" · ", reasons);
    }

    public static string Label(this Readiness readiness, bool english = false) => (readiness, english) switch
    {
        (Readiness.Ready, false) => "พร้อม",
        (Readiness.AtRisk, false) => "เสี่ยง",
        (Readiness.NotStarted, false) => "ยังไม่เริ่ม",
        (Readiness.NotOnboarded, false) => "ยังไม่เข้าร่วม",
        (Readiness.Ready, true) => "Ready",
        (Readiness.AtRisk, true) => "At risk",
        (Readiness.NotStarted, true) => "Not started",
        _ => "Not onboarded",
    };

    /// <summary>A measure whose period ended before today (Bangkok) and is neither done nor cancelled.</summary>
    public static bool IsLate(DateOnly periodToMonth, bool doneOrCancelled, DateOnly today) =>
        !doneOrCancelled && new DateOnly(periodToMonth.Year, periodToMonth.Month, 1).AddMonths(1) <= today;
}
