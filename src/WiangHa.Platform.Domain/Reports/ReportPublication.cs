using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Domain.Reports;

/// <summary>
/// What an LAO makes public for one fiscal year at <c>/p/{slug}/{fiscalYear}</c> (the URL it gives in ITAS), and how
/// its documents are signed. Nothing is public until the LAO says so.
/// </summary>
public sealed class ReportPublication : ITenantOwned, IVersioned
{
    public const int SignatoryMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>ปีงบประมาณ (พ.ศ.).</summary>
    public int FiscalYear { get; set; }

    /// <summary>The public page exists only while this is true.</summary>
    public bool IsPublished { get; set; }

    /// <summary>รายงานผลการดำเนินการ (the results item) is shown.</summary>
    public bool PublishResults { get; set; } = true;

    /// <summary>มาตรการส่งเสริมคุณธรรมฯ (the measures item) is shown.</summary>
    public bool PublishMeasures { get; set; }

    /// <summary>รอบการรายงาน in months: 6 or 12.</summary>
    public int RoundMonths { get; set; } = 12;

    /// <summary>Thai digits (๑๒๓) in numbering, years and dates, as official documents use.</summary>
    public bool ThaiDigits { get; set; } = true;

    public string? SignatoryName { get; set; }
    public string? SignatoryPosition { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
    public DateTimeOffset UpdatedAt { get; set; }
}
