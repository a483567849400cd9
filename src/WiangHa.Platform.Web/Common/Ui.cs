using System.Globalization;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Web.Common;

/// <summary>
/// Thai-first wording: every label is written in Thai with its English beside it, and the request culture picks one.
/// Keeping both in the page makes the Thai the reference text, not a translation file.
/// </summary>
public static class Ui
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string thai, string english) => IsEnglish ? english : thai;

    public static string MonthName(int month) => IsEnglish
        ? CultureInfo.GetCultureInfo("en-US").DateTimeFormat.GetMonthName(month)
        : ThaiMonth.FullNames[month - 1];

    /// <summary>"ตุลาคม 2565" (the year is always Buddhist Era, also in English: it is the official year).</summary>
    public static string Month(int buddhistYear, int month) => $"{MonthName(month)} {buddhistYear.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A UTC instant shown in Bangkok time with a Buddhist Era year, e.g. "28 พ.ย. 2569 22:15".</summary>
    public static string DateTime(DateTimeOffset instant)
    {
        var local = ThaiTime.ToBangkok(instant);
        var month = IsEnglish ? CultureInfo.GetCultureInfo("en-US").DateTimeFormat.GetAbbreviatedMonthName(local.Month) : ThaiMonth.ShortNames[local.Month - 1];
        return FormattableString.Invariant($"{local.Day} {month} {local.Year + FiscalYear.BuddhistEraOffset} {local:HH:mm}");
    }

    public static string Status(MeasureStatus status) => status switch
    {
        MeasureStatus.Planned => T("วางแผน", "Planned"),
        MeasureStatus.InProgress => T("กำลังดำเนินการ", "In progress"),
        MeasureStatus.Completed => T("ดำเนินการแล้ว", "Completed"),
        MeasureStatus.Cancelled => T("ยกเลิก", "Cancelled"),
        _ => status.ToString(),
    };

    public static string StatusBadge(MeasureStatus status) => status switch
    {
        MeasureStatus.Completed => "text-bg-success",
        MeasureStatus.InProgress => "text-bg-primary",
        MeasureStatus.Cancelled => "text-bg-secondary",
        _ => "text-bg-light border",
    };

    public static string Basis(AnalysisBasis basis) => basis switch
    {
        AnalysisBasis.UrgentWeakness => T("ข้อบกพร่อง/จุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน", "Weakness to fix urgently"),
        AnalysisBasis.IssueToImprove => T("ประเด็นที่ต้องพัฒนาให้ดีขึ้น", "Issue to improve"),
        _ => T("ยังไม่ระบุ", "Not specified"),
    };

    public static string Channel(EvidenceChannel channel) => channel switch
    {
        EvidenceChannel.Website => T("เว็บไซต์", "Website"),
        EvidenceChannel.Facebook => T("เฟซบุ๊ก", "Facebook"),
        EvidenceChannel.Line => T("ไลน์", "LINE"),
        EvidenceChannel.NoticeBoard => T("บอร์ดประชาสัมพันธ์", "Notice board"),
        _ => T("อื่น ๆ", "Other"),
    };

    public static string Role(TenantRole role) => T(Infrastructure.Identity.RoleNames.Thai(role), Infrastructure.Identity.RoleNames.English(role));

    public static string ComplianceStatus(ComplianceStatus? status) => status switch
    {
        Domain.Compliance.ComplianceStatus.Pass => T("ผ่าน", "Pass"),
        Domain.Compliance.ComplianceStatus.Warning => T("เสี่ยง (ยังไม่นับคะแนน)", "At risk (not scored)"),
        Domain.Compliance.ComplianceStatus.Fail => T("ไม่ผ่าน", "Fail"),
        Domain.Compliance.ComplianceStatus.NotApplicable => T("ไม่ใช้กับหน่วยงาน", "Not applicable"),
        _ => T("ยังไม่ตรวจ", "Not checked"),
    };

    public static string ComplianceBadge(ComplianceStatus? status) => status switch
    {
        Domain.Compliance.ComplianceStatus.Pass => "text-bg-success",
        Domain.Compliance.ComplianceStatus.Warning => "text-bg-warning",
        Domain.Compliance.ComplianceStatus.Fail => "text-bg-danger",
        _ => "text-bg-light border",
    };

    public static string Answer(DisclosureAnswer answer) => answer switch
    {
        DisclosureAnswer.Yes => T("มี", "Yes"),
        DisclosureAnswer.No => T("ไม่มี", "No"),
        _ => T("ยังไม่ตอบ", "Not answered"),
    };
}
