using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Domain.Measures;

/// <summary>
/// มาตรการ: one row of the LAO's measures to promote integrity and transparency for a fiscal year, with what the
/// report of results needs (the columns of the seed report: มาตรการ/แนวทาง · ขั้นตอน/วิธีการปฏิบัติ ·
/// หน่วยงานผู้รับผิดชอบ · ระยะเวลาดำเนินการ · สรุปผลการดำเนินการ · ผลลัพธ์/ความสำเร็จ).
/// </summary>
public sealed class Measure : ITenantOwned, IVersioned, IChangeTracked
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }

    /// <summary>ปีงบประมาณ (พ.ศ.).</summary>
    public int FiscalYear { get; set; }

    /// <summary>Order in the report (๑., ๒., …).</summary>
    public int Number { get; set; }

    /// <summary>มาตรการ/แนวทาง.</summary>
    public required string Title { get; set; }

    /// <summary>Which finding of the previous assessment the measure answers (the measures item asks for it).</summary>
    public AnalysisBasis AnalysisBasis { get; set; }

    /// <summary>ขั้นตอน/วิธีการปฏิบัติ, in order.</summary>
    public List<string> Steps { get; set; } = [];

    /// <summary>หน่วยงานผู้รับผิดชอบ.</summary>
    public List<OrgUnit> ResponsibleUnits { get; set; } = [];

    /// <summary>First month of ระยะเวลาดำเนินการ (first day of that month, CE).</summary>
    public DateOnly PeriodFrom { get; set; }

    /// <summary>Last month of ระยะเวลาดำเนินการ (first day of that month, CE).</summary>
    public DateOnly PeriodTo { get; set; }

    /// <summary>
    /// ระยะเวลาดำเนินการ as the source document wrote it ("ต.ค.๖๕ – มี.ค.๖๖", "ตลอดปีงบประมาณ"), kept beside the parsed
    /// month range when a report is imported, so no wording is lost; null when the period was entered as months.
    /// </summary>
    public string? PeriodText { get; set; }

    public MeasureStatus Status { get; set; }

    /// <summary>How the measure is followed up and reported (the measures item asks for it).</summary>
    public string? Monitoring { get; set; }

    /// <summary>สรุปผลการดำเนินการ: numbered points, in order.</summary>
    public List<string> ResultPoints { get; set; } = [];

    /// <summary>ผลลัพธ์/ความสำเร็จ.</summary>
    public string? Outcome { get; set; }

    /// <summary>Codes of the ITA items the measure serves, each as "{assessment year}/{code}", e.g. "2567/O35".</summary>
    public List<string> ItaItems { get; set; } = [];

    public List<EvidenceLink> EvidenceLinks { get; set; } = [];

    /// <summary>
    /// The client's key for the request that created the measure, so a form posted twice (or an API call retried)
    /// creates one measure, not two.
    /// </summary>
    public Guid? SubmissionKey { get; set; }

    /// <summary>Optimistic concurrency token: replaced on every save; a stale edit fails instead of overwriting.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum MeasureStatus
{
    /// <summary>วางแผน</summary>
    Planned = 1,

    /// <summary>กำลังดำเนินการ</summary>
    InProgress = 2,

    /// <summary>ดำเนินการแล้ว</summary>
    Completed = 3,

    /// <summary>ยกเลิก</summary>
    Cancelled = 4,
}

/// <summary>ประเด็นจากการวิเคราะห์ผลการประเมินปีก่อน.</summary>
public enum AnalysisBasis
{
    /// <summary>ยังไม่ระบุ</summary>
    Unspecified = 0,

    /// <summary>ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน</summary>
    UrgentWeakness = 1,

    /// <summary>ประเด็นที่ต้องพัฒนาให้ดีขึ้น</summary>
    IssueToImprove = 2,
}
