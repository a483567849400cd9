using System.Globalization;
using System.Text.Json;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;

namespace WiangHa.Platform.Web.Common;

/// <summary>One changed field as people read it: its label and its values before and after ("—" when none).</summary>
public sealed record AuditFieldChange(string Field, string Before, string After);

/// <summary>One entry of the trail in words: who, what (a sentence), which record (its name), and the changed fields.</summary>
public sealed record AuditRow(
    AuditEventView Event, string Who, string What, string? Record, string? Organisation, IReadOnlyList<AuditFieldChange> Changes);

/// <summary>
/// Says the audit trail in Thai (or English, when the user chose it): a sentence per action, the record by its name,
/// field labels and readable values (Buddhist Era dates, answers and statuses in words), never a GUID.
/// </summary>
public static class AuditText
{
    /// <summary>The kinds of action the filter offers: an action or the start every action of the kind shares.</summary>
    public static IReadOnlyList<(string Value, string Label)> Kinds =>
    [
        ("item-disclosure.", Ui.T("แบบเปิดเผยข้อมูล (คำตอบและลิงก์ ITA)", "Disclosures (ITA answers and links)")),
        ("measure.", Ui.T("มาตรการ", "Measures")),
        ("evidence-link.", Ui.T("หลักฐาน", "Evidence")),
        ("org-unit.", Ui.T("ส่วนราชการ", "Units")),
        ("report.", Ui.T("การเผยแพร่รายงาน", "Report publication")),
        ("report-publication.", Ui.T("การตั้งค่าการเผยแพร่", "Publication settings")),
        ("assessment-analysis.", Ui.T("การวิเคราะห์ผลการประเมิน", "Assessment analysis")),
        ("report-import.", Ui.T("การนำเข้ารายงาน", "Report imports")),
        ("export", Ui.T("การดาวน์โหลดเอกสาร", "Downloads")),
        ("membership.", Ui.T("สมาชิก", "Members")),
        ("invitation.", Ui.T("คำเชิญ", "Invitations")),
        ("sign-in.", Ui.T("การเข้าสู่ระบบ", "Sign-ins")),
        ("2fa.", Ui.T("การยืนยันตัวตนสองขั้นตอน", "Two-factor authentication")),
        ("password.", Ui.T("รหัสผ่าน", "Passwords")),
        ("access.refused", Ui.T("การเข้าถึงที่ถูกปฏิเสธ", "Refused access")),
        ("organisation.", Ui.T("สถานะหน่วยงาน", "LAO status")),
        ("ita-manual.", Ui.T("คู่มือ ITA", "ITA manuals")),
        ("alerts.", Ui.T("การแจ้งเตือน", "Alerts")),
    ];

    public static IReadOnlyList<AuditRow> Rows(AuditTrailPage page) => [.. page.Events.Select(e => Row(e, page))];

    private static AuditRow Row(AuditEventView e, AuditTrailPage page)
    {
        var details = Parse(e.Details);
        var who = e.ActorUserId is { } id && page.People.TryGetValue(id, out var name) && name.Length > 0 ? name
            : e.ActorName is null or "system" ? Ui.T("ระบบ", "System")
            : e.ActorName;
        var organisation = e.TenantId is { } tenant && page.Organisations.TryGetValue(tenant, out var lao) ? lao : null;
        var member = e.SubjectType == nameof(Membership) && Guid.TryParse(e.SubjectId, out var membershipId)
            ? page.MembershipUsers.GetValueOrDefault(membershipId) : null;
        return new AuditRow(e, who, What(e.Action, details), Record(e, details, member), organisation, Changes(e.SubjectType, details));
    }

    /// <summary>The sentence of an action, e.g. "ตอบข้อ O12 ว่า มี".</summary>
    public static string What(string action, JsonElement? details)
    {
        var subject = Text(details, "subject") ?? "";
        return action switch
        {
            "item-disclosure.added" or "item-disclosure.modified" when After(details, "Answer") is { } answer =>
                Ui.T($"ตอบข้อ {subject} ว่า {AnswerText(answer)}", $"Answered {subject}: {AnswerText(answer)}"),
            "item-disclosure.added" or "item-disclosure.modified" => Ui.T($"แก้ไขลิงก์หรือคำอธิบายของข้อ {subject}", $"Changed the links or explanation of {subject}"),
            "item-disclosure.deleted" => Ui.T($"ลบคำตอบข้อ {subject}", $"Deleted the answer to {subject}"),
            "measure.added" => Ui.T("เพิ่มมาตรการ", "Added a measure"),
            "measure.modified" => Ui.T("แก้ไขมาตรการ", "Edited a measure"),
            "measure.deleted" => Ui.T("ลบมาตรการ", "Deleted a measure"),
            "evidence-link.added" => Ui.T("เพิ่มหลักฐาน", "Added evidence"),
            "evidence-link.modified" => Ui.T("แก้ไขหลักฐาน", "Edited evidence"),
            "evidence-link.deleted" => Ui.T("ลบหลักฐาน", "Deleted evidence"),
            "org-unit.added" => Ui.T("เพิ่มส่วนราชการ", "Added a unit"),
            "org-unit.modified" => Ui.T("แก้ไขส่วนราชการ", "Edited a unit"),
            "org-unit.deleted" => Ui.T("ลบส่วนราชการ", "Deleted a unit"),
            "membership.added" => Ui.T("เพิ่มสมาชิก", "Added a member"),
            "membership.modified" => Ui.T("เปลี่ยนบทบาทหรือสถานะของสมาชิก", "Changed a member's role or status"),
            "membership.deleted" => Ui.T("นำสมาชิกออก", "Removed a member"),
            AuditActions.ReportPublished => Ui.T("เผยแพร่รายงาน ITA ต่อสาธารณะ", "Published the ITA reports"),
            AuditActions.ReportUnpublished => Ui.T("ยกเลิกการเผยแพร่รายงาน ITA", "Withdrew the ITA reports from publication"),
            "report-publication.added" or "report-publication.modified" => Ui.T("แก้ไขการตั้งค่าการเผยแพร่รายงาน", "Changed the publication settings"),
            "assessment-analysis.added" or "assessment-analysis.modified" => Ui.T("บันทึกการวิเคราะห์ผลการประเมิน", "Saved the assessment analysis"),
            "assessment-analysis.deleted" => Ui.T("ลบการวิเคราะห์ผลการประเมิน", "Deleted the assessment analysis"),
            AuditActions.ReportImportConfirmed => Ui.T("ยืนยันการนำเข้ามาตรการจากไฟล์รายงาน", "Confirmed a report import"),
            AuditActions.ItaManualImported => Ui.T("นำเข้าคู่มือ ITA (ฉบับร่าง)", "Imported an ITA manual (draft)"),
            AuditActions.ItaManualPublished => Ui.T("เผยแพร่คู่มือ ITA", "Published an ITA manual"),
            AuditActions.OrganisationSuspended => Ui.T("ระงับการใช้งานหน่วยงาน", "Suspended the LAO"),
            AuditActions.OrganisationReactivated => Ui.T("เปิดใช้งานหน่วยงานอีกครั้ง", "Reactivated the LAO"),
            AuditActions.AccessRefused => Ui.T("ขอเข้าถึงข้อมูลของหน่วยงานที่ตนไม่ได้เป็นสมาชิก (ถูกปฏิเสธ)", "Asked for an LAO they are not a member of (refused)"),
            AuditActions.SignInSucceeded => Ui.T("เข้าสู่ระบบ", "Signed in"),
            AuditActions.SignInFailed => Ui.T("เข้าสู่ระบบไม่สำเร็จ", "Failed to sign in"),
            AuditActions.SignInLockedOut => Ui.T("บัญชีถูกล็อกชั่วคราวเพราะใส่รหัสผิดหลายครั้ง", "Locked out after failed sign-ins"),
            AuditActions.SignInRefusedSuspended => Ui.T("เข้าสู่ระบบไม่ได้ เพราะหน่วยงานถูกระงับ", "Sign-in refused: LAO suspended"),
            AuditActions.SignedOutEverywhere => Ui.T("ออกจากระบบทุกอุปกรณ์", "Signed out everywhere"),
            AuditActions.TwoFactorEnabled => Ui.T("เปิดการยืนยันตัวตนสองขั้นตอน", "Turned on two-factor authentication"),
            AuditActions.TwoFactorDisabled => Ui.T("ปิดการยืนยันตัวตนสองขั้นตอน", "Turned off two-factor authentication"),
            AuditActions.PasswordReset => Ui.T("ตั้งรหัสผ่านใหม่", "Reset the password"),
            AuditActions.InvitationSent => Ui.T("ส่งคำเชิญเข้าร่วม", "Sent an invitation"),
            AuditActions.InvitationAccepted => Ui.T("ตอบรับคำเชิญ", "Accepted an invitation"),
            AuditActions.Export => Ui.T("ดาวน์โหลดเอกสาร", "Downloaded a document"),
            AuditActions.MilestonesSaved => Ui.T("บันทึกปฏิทินการประเมิน ITA", "Saved the ITA calendar"),
            AuditActions.AlertPolicySaved => Ui.T("บันทึกระยะเวลาแจ้งเตือน", "Saved the alert lead times"),
            AuditActions.AlertRetried => Ui.T("สั่งส่งการแจ้งเตือนซ้ำ", "Retried an alert"),
            AuditActions.FailedAlertsRetried => Ui.T("สั่งส่งการแจ้งเตือนที่ล้มเหลวซ้ำทั้งหมด", "Retried every failed alert"),
            "alerts.connection.saved" => Ui.T("เชื่อมต่อช่องทางแจ้งเตือน", "Connected an alert channel"),
            "alerts.connection.deleted" => Ui.T("ยกเลิกช่องทางแจ้งเตือน", "Removed an alert channel"),
            "alerts.reception.changed" => Ui.T("เปลี่ยนผู้รับการแจ้งเตือน", "Changed who receives alerts"),
            _ => action,
        };
    }

    /// <summary>Which record: its name as stored with the entry, and the year it concerns.</summary>
    private static string? Record(AuditEventView e, JsonElement? details, string? member)
    {
        var subject = Text(details, "subject");
        var year = details is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : (int?)null;
        var yearText = year is { } value ? e.SubjectType switch
        {
            nameof(ItemDisclosure) => Ui.T($"การประเมินปี {value}", $"assessment {value}"),
            "ItaManualVersion" => Ui.T($"คู่มือปี {value}", $"manual {value}"),
            _ => Ui.T($"ปีงบประมาณ {value}", $"fiscal year {value}"),
        } : null;
        var name = e.Action switch
        {
            AuditActions.AccessRefused => $"{subject} · {Text(details, "method")} {Text(details, "path")}",
            _ when e.SubjectType == "ItaManualVersion" => subject is null ? null : Ui.T($"ฉบับที่ {subject}", $"version {subject}"),
            _ when e.SubjectType == nameof(ItemDisclosure) => subject is null ? null : Ui.T($"ข้อ {subject}", $"item {subject}"),
            _ => subject ?? member ?? (Guid.TryParse(e.SubjectId, out _) ? null : e.SubjectId),
        };
        return (name, yearText) switch
        {
            (null, null) => null,
            (null, _) => yearText,
            (_, null) => name,
            _ => $"{name} ({yearText})",
        };
    }

    private static readonly HashSet<string> Hidden = ["MeasureId", "OrganisationId", "ManualId", "UserId", "ItemCode", "AssessmentYear"];

    private static IReadOnlyList<AuditFieldChange> Changes(string? subjectType, JsonElement? details)
    {
        if (details is not { ValueKind: JsonValueKind.Object } d)
        {
            return [];
        }

        var before = d.TryGetProperty("before", out var b) && b.ValueKind == JsonValueKind.Object ? b : (JsonElement?)null;
        var after = d.TryGetProperty("after", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
        var fields = (before?.EnumerateObject().Select(p => p.Name) ?? []).Concat(after?.EnumerateObject().Select(p => p.Name) ?? []).Distinct();
        return [.. fields
            .Where(f => !Hidden.Contains(f) && !(f == "FiscalYear" && subjectType != nameof(Measure)))
            .Select(f => new AuditFieldChange(FieldLabel(subjectType, f), Value(subjectType, f, Property(before, f)), Value(subjectType, f, Property(after, f))))
            .Where(c => c.Before != c.After)];
    }

    public static string FieldLabel(string? subjectType, string field) => field switch
    {
        "FiscalYear" => Ui.T("ปีงบประมาณ", "Fiscal year"),
        "Number" => Ui.T("ลำดับที่", "Number"),
        "Title" when subjectType == nameof(EvidenceLink) => Ui.T("ชื่อหลักฐาน", "Evidence title"),
        "Title" => Ui.T("ชื่อมาตรการ", "Title"),
        "AnalysisBasis" => Ui.T("ที่มาจากผลการวิเคราะห์", "Basis in the analysis"),
        "Steps" => Ui.T("ขั้นตอนการดำเนินการ", "Steps"),
        "PeriodFrom" => Ui.T("ระยะเวลาเริ่ม", "From"),
        "PeriodTo" => Ui.T("ระยะเวลาสิ้นสุด", "To"),
        "PeriodText" => Ui.T("ระยะเวลาตามเอกสาร", "Period as written"),
        "Status" => Ui.T("สถานะ", "Status"),
        "Monitoring" => Ui.T("การติดตามผล", "Monitoring"),
        "ResultPoints" => Ui.T("ผลการดำเนินการ", "Results"),
        "Outcome" => Ui.T("ผลลัพธ์", "Outcome"),
        "ItaItems" => Ui.T("ข้อ ITA ที่เกี่ยวข้อง", "ITA items"),
        "Name" => Ui.T("ชื่อ", "Name"),
        "SortOrder" => Ui.T("ลำดับการแสดง", "Order"),
        "IsActive" => Ui.T("ใช้งานอยู่", "Active"),
        "Url" => Ui.T("ลิงก์", "Link"),
        "Channel" => Ui.T("ช่องทาง", "Channel"),
        "Role" => Ui.T("บทบาท", "Role"),
        "AlertReception" => Ui.T("การรับการแจ้งเตือน", "Alert reception"),
        "Answer" => Ui.T("คำตอบ", "Answer"),
        "Urls" => Ui.T("ลิงก์ของข้อมูล", "Links"),
        "Explanation" => Ui.T("คำอธิบาย", "Explanation"),
        "PreviousScore" => Ui.T("คะแนน ITA ปีก่อน", "Previous ITA score"),
        "Summary" => Ui.T("สรุปผลการวิเคราะห์", "Summary"),
        "UrgentWeaknesses" => Ui.T("ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน", "Weaknesses to fix urgently"),
        "IssuesToImprove" => Ui.T("ประเด็นที่ต้องพัฒนาให้ดีขึ้น", "Issues to improve"),
        "IsPublished" => Ui.T("เผยแพร่ต่อสาธารณะ", "Public"),
        "PublishResults" => Ui.T("เผยแพร่รายงานผลการดำเนินการ", "Results report public"),
        "PublishMeasures" => Ui.T("เผยแพร่มาตรการ", "Measures public"),
        "RoundMonths" => Ui.T("รอบการรายงาน (เดือน)", "Reporting round (months)"),
        "ThaiDigits" => Ui.T("ใช้เลขไทย", "Thai digits"),
        "SignatoryName" => Ui.T("ผู้ลงนาม", "Signatory"),
        "SignatoryPosition" => Ui.T("ตำแหน่งผู้ลงนาม", "Signatory's position"),
        "CreatedCount" => Ui.T("มาตรการที่สร้าง", "Measures created"),
        "SkippedCount" => Ui.T("แถวที่ข้าม", "Rows skipped"),
        "ItemCount" => Ui.T("จำนวนข้อ", "Items"),
        "SourceFileName" => Ui.T("ไฟล์", "File"),
        _ => field,
    };

    private const int LongText = 300;

    /// <summary>A stored value in words: enums by name (or their old numbers), BE dates, yes/no, lists one per line.</summary>
    public static string Value(string? subjectType, string field, JsonElement? value) => value switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "—",
        { ValueKind: JsonValueKind.True } => Ui.T("ใช่", "Yes"),
        { ValueKind: JsonValueKind.False } => Ui.T("ไม่ใช่", "No"),
        { ValueKind: JsonValueKind.Array } v => v.GetArrayLength() == 0 ? "—" : string.Join("\n", v.EnumerateArray().Select(i => Value(subjectType, field, i))),
        { ValueKind: JsonValueKind.Number } v when EnumText(subjectType, field, v.GetRawText()) is { } named => named,
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { } v => Scalar(subjectType, field, v.GetString() ?? ""),
    };

    private static string Scalar(string? subjectType, string field, string text)
    {
        if (EnumText(subjectType, field, text) is { } named)
        {
            return named;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return field is "PeriodFrom" or "PeriodTo" ? Ui.Month(day.Year + FiscalYear.BuddhistEraOffset, day.Month) : ThaiDate.Format(day);
        }

        if (text.Length >= 19 && text[4] == '-' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return Ui.DateTime(instant);
        }

        return text.Length > LongText ? text[..LongText] + "…" : text;
    }

    private static string? EnumText(string? subjectType, string field, string text) => (subjectType, field) switch
    {
        (nameof(Measure), "Status") when Parse<MeasureStatus>(text) is { } s => Ui.Status(s),
        (_, "AnalysisBasis") when Parse<AnalysisBasis>(text) is { } s => Ui.Basis(s),
        (_, "Channel") when Parse<EvidenceChannel>(text) is { } s => Ui.Channel(s),
        (_, "Role") when Parse<TenantRole>(text) is { } s => Ui.Role(s),
        (_, "Answer") when Parse<DisclosureAnswer>(text) is { } s => Ui.Answer(s),
        (nameof(Organisation), "Status") when Parse<OrganisationStatus>(text) is { } s => s == OrganisationStatus.Suspended ? Ui.T("ระงับการใช้งาน", "Suspended") : Ui.T("ใช้งาน", "Active"),
        ("ItaManualVersion", "Status") => text is "Published" or "2" ? Ui.T("เผยแพร่แล้ว", "Published") : Ui.T("ร่าง", "Draft"),
        (_, "AlertReception") when Parse<AlertReception>(text) is { } s => s switch
        {
            AlertReception.None => Ui.T("ไม่รับการแจ้งเตือน", "None"),
            AlertReception.InApp => Ui.T("ในระบบเท่านั้น", "In the app"),
            _ => Ui.T("ในระบบและอีเมล", "In the app and by email"),
        },
        _ => null,
    };

    private static T? Parse<T>(string text) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : null;

    private static string AnswerText(JsonElement answer) => Value(nameof(ItemDisclosure), "Answer", answer);

    private static JsonElement? After(JsonElement? details, string field) =>
        details is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("after", out var after) ? Property(after, field) : null;

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement? details, string name) =>
        Property(details, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The details as JSON when they are (some older entries hold a plain word).</summary>
    private static JsonElement? Parse(string? details)
    {
        if (string.IsNullOrWhiteSpace(details) || details[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(details);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
