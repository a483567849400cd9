using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Measures;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>Valid API inputs to start from; tests break one field at a time.</summary>
public static class MeasureInputs
{
    public static MeasureInput Valid(string title = "ประชาสัมพันธ์ช่องทางร้องเรียนการทุจริต") => new()
    {
        FiscalYear = 2568,
        Title = title,
        AnalysisBasis = AnalysisBasis.UrgentWeakness,
        Steps = ["จัดทำช่องทางร้องเรียนออนไลน์", "ประชาสัมพันธ์ทางเว็บไซต์และไลน์"],
        PeriodFromYear = 2567,
        PeriodFromMonth = 10,
        PeriodToYear = 2568,
        PeriodToMonth = 9,
        Status = MeasureStatus.InProgress,
        Monitoring = "รายงานผู้บริหารทุกไตรมาส",
        ResultPoints = ["เปิดช่องทางแล้ว"],
        Outcome = "ประชาชนร้องเรียนได้สะดวกขึ้น",
        ItaItems = ["2568/O35"],
        EvidenceLinks = [new EvidenceLinkInput("https://wiangha.go.th/complaints", "หน้าช่องทางร้องเรียน", EvidenceChannel.Website)],
    };
}
