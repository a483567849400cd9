using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Domain.Compliance;

/// <summary>
/// แบบเปิดเผยข้อมูล: what the LAO will enter in ITAS for one item of one assessment year — answer, URL(s),
/// explanation.
/// </summary>
public sealed class ItemDisclosure : ITenantOwned, IVersioned, IChangeTracked
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public int AssessmentYear { get; set; }
    public required string ItemCode { get; set; }
    public DisclosureAnswer Answer { get; set; }
    public List<string> Urls { get; set; } = [];
    public string? Explanation { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum ComplianceRunKind
{
    /// <summary>ตรวจประจำคืน</summary>
    Nightly = 1,

    /// <summary>ตรวจเดี๋ยวนี้ (กดจากหน้าจอ)</summary>
    OnDemand = 2,
}

public enum ComplianceRunState
{
    Queued = 1,
    Running = 2,
    Completed = 3,
    Failed = 4,
}

/// <summary>
/// One check of one tenant against one manual version; also the tenant's score snapshot for dashboards and trends.
/// (TenantId, ManualVersionId, Slot) is unique: a job fired twice for the same slot records one run.
/// </summary>
public sealed class ComplianceRun : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ManualVersionId { get; set; }
    public int AssessmentYear { get; set; }
    public int ManualVersionNumber { get; set; }

    /// <summary>"nightly:2026-11-29" or "now:{request id}".</summary>
    public required string Slot { get; set; }

    public ComplianceRunKind Kind { get; set; }
    public ComplianceRunState State { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public decimal Score { get; set; }
    public bool Passes { get; set; }
    public string? Rating { get; set; }
    public int Applicable { get; set; }
    public int Passed { get; set; }
    public int Warnings { get; set; }
    public int Failed { get; set; }
    public string? Error { get; set; }
    public List<ComplianceResult> Results { get; set; } = [];
}

/// <summary>One item's verdict in one run: the history per tenant × item that trends are drawn from.</summary>
public sealed class ComplianceResult : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid RunId { get; set; }
    public int AssessmentYear { get; set; }
    public required string ItemCode { get; set; }
    public ComplianceStatus Status { get; set; }
    public List<string> Reasons { get; set; } = [];
    public DateTimeOffset CheckedAt { get; set; }
}

/// <summary>The latest check of one evidence URL a tenant typed (refreshed by "check now" and the link sweep).</summary>
public sealed class LinkCheck : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Url { get; set; }
    public LinkOutcome Outcome { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? FinalUrl { get; set; }
    public string? Detail { get; set; }
    public List<int> YearsMentioned { get; set; } = [];
    public bool IsText { get; set; }
    public DateTimeOffset CheckedAt { get; set; }

    public LinkFacts ToFacts() => new(Url, Outcome, StatusCode, Detail, YearsMentioned, IsText);
}
