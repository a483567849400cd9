using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Domain.Reports;

/// <summary>
/// การวิเคราะห์ผลการประเมิน: what the LAO learnt from the previous ITA assessment, which its measures of
/// <see cref="FiscalYear"/> answer. The measures document opens with it.
/// </summary>
public sealed class AssessmentAnalysis : ITenantOwned, IVersioned
{
    public const int MaxItems = 20;
    public const int ItemMaxLength = 1000;
    public const int SummaryMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>The fiscal year of the measures (พ.ศ.); the assessment analysed is the one before.</summary>
    public int FiscalYear { get; set; }

    /// <summary>คะแนนผลการประเมิน ITA ปีก่อน (0–100), when known.</summary>
    public decimal? PreviousScore { get; set; }

    /// <summary>Free text: the overall reading of the previous result.</summary>
    public string? Summary { get; set; }

    /// <summary>ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องพัฒนาแก้ไขโดยเร่งด่วน.</summary>
    public List<string> UrgentWeaknesses { get; set; } = [];

    /// <summary>ประเด็นที่จะต้องพัฒนาให้ดีขึ้น.</summary>
    public List<string> IssuesToImprove { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
    public DateTimeOffset UpdatedAt { get; set; }
}
