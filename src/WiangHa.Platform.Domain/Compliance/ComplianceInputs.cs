using WiangHa.Platform.Domain.Measures;

namespace WiangHa.Platform.Domain.Compliance;

/// <summary>คำตอบในระบบ ITAS: มี / ไม่มี.</summary>
public enum DisclosureAnswer
{
    /// <summary>ยังไม่ตอบ</summary>
    None = 0,

    /// <summary>มี</summary>
    Yes = 1,

    /// <summary>ไม่มี</summary>
    No = 2,
}

public enum ComplianceStatus
{
    /// <summary>ผ่าน</summary>
    Pass = 1,

    /// <summary>มีข้อควรระวัง: shown as a risk, scores 0 like any item not known to pass (ADR 0006).</summary>
    Warning = 2,

    /// <summary>ไม่ผ่าน</summary>
    Fail = 3,

    /// <summary>ไม่ใช้กับ อปท. ประเภทนี้</summary>
    NotApplicable = 4,
}

/// <summary>What the LAO will enter in ITAS for one item (plain input for the rules).</summary>
public sealed record DisclosureFacts(DisclosureAnswer Answer, IReadOnlyList<string> Urls, string? Explanation);

/// <summary>A measure as the rules see it.</summary>
public sealed record MeasureFacts(
    int Number,
    string Title,
    AnalysisBasis AnalysisBasis,
    int StepCount,
    int ResponsibleUnitCount,
    string? Monitoring,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    MeasureStatus Status,
    int ResultPointCount,
    string? Outcome)
{
    public static MeasureFacts From(Measure m) =>
        From(m.Number, m.Title, m.AnalysisBasis, m.Steps, m.ResponsibleUnits.Count, m.Monitoring, m.PeriodFrom, m.PeriodTo, m.Status, m.ResultPoints, m.Outcome);

    /// <summary>From a measure's columns (the national night reads them without the entity): blank steps and points do not count.</summary>
    public static MeasureFacts From(
        int number, string title, AnalysisBasis analysisBasis, IEnumerable<string> steps, int responsibleUnitCount, string? monitoring,
        DateOnly periodFrom, DateOnly periodTo, MeasureStatus status, IEnumerable<string> resultPoints, string? outcome) => new(
        number, title, analysisBasis, steps.Count(s => !string.IsNullOrWhiteSpace(s)), responsibleUnitCount, monitoring,
        periodFrom, periodTo, status, resultPoints.Count(p => !string.IsNullOrWhiteSpace(p)), outcome);
}

public enum LinkOutcome
{
    /// <summary>The page answered 2xx.</summary>
    Ok = 1,

    /// <summary>The server answered 4xx/5xx, or redirected too often.</summary>
    Broken = 2,

    /// <summary>DNS failure, refused connection or timeout, after the checker's retries: fails the item unless the year's manual is set to warn only.</summary>
    Unreachable = 3,

    /// <summary>We refused to fetch it (scheme, private or metadata address).</summary>
    Refused = 4,
}

/// <summary>The latest check of one URL.</summary>
public sealed record LinkFacts(string Url, LinkOutcome Outcome, int? StatusCode, string? Detail, IReadOnlyCollection<int> YearsMentioned, bool IsText);

/// <summary>A rule's verdict on one item: status and the reasons a clerk can act on (Thai).</summary>
public sealed record ItemVerdict(ComplianceStatus Status, IReadOnlyList<string> Reasons)
{
    /// <summary>Only a pass earns the item's points; a warning is a risk an assessor would not give points for.</summary>
    public bool Scores => Status is ComplianceStatus.Pass;
}
