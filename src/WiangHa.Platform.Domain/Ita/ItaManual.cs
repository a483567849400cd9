namespace WiangHa.Platform.Domain.Ita;

/// <summary>The ITA manual of one assessment year (platform data, not tenant-owned).</summary>
public sealed class ItaManual
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Assessment year (พ.ศ.); unique.</summary>
    public int Year { get; init; }

    public List<ItaManualVersion> Versions { get; init; } = [];

    /// <summary>
    /// Operators' setting for the year (not part of the NACC's text, so not versioned): when true, a link the checker
    /// could not reach (DNS, refused, timeout) is only a warning instead of a failure — for a season in which the
    /// checker's own network is unreliable. Applies from the next check on.
    /// </summary>
    public bool UnreachableLinksWarnOnly { get; set; }
}

public enum ItaManualVersionStatus
{
    /// <summary>ร่าง: imported, shown for preview, used by nothing.</summary>
    Draft = 1,

    /// <summary>เผยแพร่แล้ว: the newest published version of a year is the one compliance checks use.</summary>
    Published = 2,
}

/// <summary>
/// One imported version of a year's manual. The validated <see cref="ItaCatalogue"/> is kept whole as JSON: a version
/// never changes after publishing (a correction is a new version), and results point at the version they used.
/// </summary>
public sealed class ItaManualVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ManualId { get; set; }
    public int Year { get; set; }

    /// <summary>1, 2, … per year.</summary>
    public int Number { get; set; }

    public ItaManualVersionStatus Status { get; set; }

    /// <summary>The catalogue as JSON (camelCase, enums as names).</summary>
    public required string Document { get; set; }

    /// <summary>SHA-256 of the document, so re-importing the same file is recognised.</summary>
    public required string ContentHash { get; set; }

    public int ItemCount { get; set; }
    public string? SourceFileName { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}
