using System.Globalization;
using System.Net;
using System.Text;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>An item still failing, with the page that fixes it.</summary>
public sealed record FailingItem(string Code, string Title, string LinkPath);

/// <summary>A measure of the LAO whose period ends soon (or has just ended) and is not done.</summary>
public sealed record MeasureDue(int FiscalYear, int Number, string Title, DateOnly PeriodEnd, int DaysLeft, string LinkPath);

/// <summary>An LAO on a supervisor's escalation digest.</summary>
public sealed record LaoAtRisk(string Name, string Reason, decimal? Score, string LinkPath);

/// <summary>What one LAO's digest of the day says: the occasions, what still fails and by which manual, measures due.</summary>
public sealed record LaoDigest(
    IReadOnlyList<AlertOccasion> Occasions, string LaoName, int AssessmentYear, int ManualYear, IReadOnlyList<FailingItem> Failing,
    bool NotStarted, IReadOnlyList<MeasureDue> Measures);

/// <summary>
/// The alerts' words: Thai (English for users who chose it), BE dates, the same content on every channel: a subject, a
/// plain text (email, in-app, LINE) and HTML (email). Links are absolute, from the platform's public base address.
/// </summary>
public static class AlertText
{
    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string Date(DateOnly date, bool english = false) => english
        ? $"{date.Day} {EnglishMonths[date.Month - 1]} {(date.Year + FiscalYear.BuddhistEraOffset).ToString(CultureInfo.InvariantCulture)}"
        : $"{date.Day} {ThaiMonth.ShortNames[date.Month - 1]} {(date.Year + FiscalYear.BuddhistEraOffset).ToString(CultureInfo.InvariantCulture)}";

    public static string When(AlertOccasion occasion, bool english = false)
    {
        var m = occasion.Milestone;
        var date = Date(m.Date, english);
        return (english, occasion.IsOverdue, occasion.DaysBefore) switch
        {
            (false, true, _) => $"{m.NameTh} เมื่อ {date} เลยกำหนดแล้ว",
            (false, false, 1) => $"{m.NameTh} พรุ่งนี้ ({date})",
            (false, false, var d) => $"{m.NameTh} อีก {d} วัน ({date})",
            (true, true, _) => $"{m.NameEn} was due on {date}",
            (true, false, 1) => $"{m.NameEn} tomorrow ({date})",
            (true, false, var d) => $"{m.NameEn} in {d} days ({date})",
        };
    }

    private static string MeasuresWhen(MeasureDue nearest, bool english) => (english, nearest.DaysLeft) switch
    {
        (false, 1) => $"มาตรการครบกำหนดพรุ่งนี้ ({Date(nearest.PeriodEnd)})",
        (false, var d) => $"มาตรการครบกำหนดอีก {d} วัน ({Date(nearest.PeriodEnd)})",
        (true, 1) => $"Measures due tomorrow ({Date(nearest.PeriodEnd, true)})",
        (true, var d) => $"Measures due in {d} days ({Date(nearest.PeriodEnd, true)})",
    };

    private static string Provisional(IReadOnlyList<AlertOccasion> occasions, bool english) =>
        occasions.Any(o => o.Milestone.Provisional) ? english ? " (estimated date: the NACC has not announced it yet)" : " (วันที่ประมาณการ ป.ป.ช. ยังไม่ประกาศ)" : "";

    public static AlertContent ForLao(LaoDigest digest, bool english, string baseUrl, string? preferencesPath)
    {
        var heading = digest.Occasions.Count > 0
            ? string.Join(" · ", digest.Occasions.Select(o => When(o, english)))
            : MeasuresWhen(digest.Measures[0], english);
        var status = (digest.NotStarted, english) switch
        {
            (true, false) => "ยังไม่ได้ตรวจความพร้อม",
            (true, true) => "not checked yet",
            (false, false) => digest.Failing.Count > 0 ? $"ยังไม่ผ่าน {digest.Failing.Count} ข้อ" : $"มาตรการใกล้ครบกำหนด {digest.Measures.Count} รายการ",
            (false, true) => digest.Failing.Count > 0 ? $"{digest.Failing.Count} items still failing" : $"{digest.Measures.Count} measures due",
        };
        var subject = $"[ITA {digest.AssessmentYear}] {heading}: {digest.LaoName} {status}";
        var manualNote = digest.ManualYear == digest.AssessmentYear ? ""
            : english ? $" (checked against the ITA {digest.ManualYear} manual: the {digest.AssessmentYear} manual is not published yet)"
            : $" (ตรวจตามคู่มือ ITA {digest.ManualYear} เพราะคู่มือปี {digest.AssessmentYear} ยังไม่ประกาศ)";
        var lead = (digest.NotStarted, english) switch
        {
            (true, false) => $"{digest.LaoName} ยังไม่มีผลการตรวจความพร้อม ITA: กรุณาบันทึกการเผยแพร่ข้อมูลแต่ละข้อแล้วกดตรวจ",
            (true, true) => $"{digest.LaoName} has not been checked yet: record each item's disclosure, then run the check",
            (false, false) => $"ข้อที่ยังไม่ผ่านจากผลการตรวจล่าสุดของ {digest.LaoName}{manualNote}:",
            (false, true) => $"Items still failing in {digest.LaoName}'s latest check{manualNote}:",
        };

        var text = new StringBuilder().AppendLine(heading + Provisional(digest.Occasions, english)).AppendLine();
        var html = new StringBuilder($"<p><strong>{E(heading)}</strong>{E(Provisional(digest.Occasions, english))}</p>");
        if (digest.Occasions.Count > 0 && (digest.NotStarted || digest.Failing.Count > 0))
        {
            text.AppendLine(lead);
            html.Append($"<p>{E(lead)}</p><ul>");
            foreach (var item in digest.Failing)
            {
                text.AppendLine($"- {item.Code} {item.Title}: {baseUrl}{item.LinkPath}");
                html.Append($"<li><a href=\"{E(baseUrl + item.LinkPath)}\">{E(item.Code)} {E(item.Title)}</a></li>");
            }

            html.Append("</ul>");
        }

        if (digest.Measures.Count > 0)
        {
            var title = english ? "Measures whose period ends soon and are not done:" : "มาตรการที่ใกล้ครบกำหนดและยังไม่แล้วเสร็จ:";
            text.AppendLine().AppendLine(title);
            html.Append($"<p>{E(title)}</p><ul>");
            foreach (var measure in digest.Measures)
            {
                var line = english
                    ? $"FY {measure.FiscalYear} no. {measure.Number} {measure.Title} (ends {Date(measure.PeriodEnd, true)})"
                    : $"ปีงบประมาณ {measure.FiscalYear} ที่ {measure.Number} {measure.Title} (สิ้นสุด {Date(measure.PeriodEnd)})";
                text.AppendLine($"- {line}: {baseUrl}{measure.LinkPath}");
                html.Append($"<li><a href=\"{E(baseUrl + measure.LinkPath)}\">{E(line)}</a></li>");
            }

            html.Append("</ul>");
        }

        var preferences = english ? "Change or stop these emails" : "ปรับหรือหยุดรับอีเมลแจ้งเตือน";
        if (preferencesPath is not null)
        {
            text.AppendLine().AppendLine($"{preferences}: {baseUrl}{preferencesPath}");
            html.Append($"<p style=\"font-size:small\"><a href=\"{E(baseUrl + preferencesPath)}\">{E(preferences)}</a></p>");
        }

        return new AlertContent(subject, text.ToString(), html.ToString());
    }

    public static AlertContent ForProvince(IReadOnlyList<AlertOccasion> occasions, int assessmentYear, string provinceName, IReadOnlyList<LaoAtRisk> laos,
        bool english, string baseUrl, string dashboardPath, string? preferencesPath, bool projected = true)
    {
        var heading = string.Join(" · ", occasions.Select(o => When(o, english)));
        var subject = english
            ? $"[ITA {assessmentYear}] {heading}: {laos.Count} LAOs of {provinceName} to follow up"
            : $"[ITA {assessmentYear}] {heading}: อปท. จังหวัด{provinceName} ที่ต้องติดตาม {laos.Count} แห่ง";
        // A manual with unknown items projects no score (ADR 0006): the order is then by the known items only.
        var lead = (english, projected) switch
        {
            (true, true) => $"LAOs at risk, not started first, then lowest projected score ({laos.Count}):",
            (false, true) => $"อปท. ที่ยังเสี่ยง เรียงจากยังไม่เริ่มและคะแนนคาดการณ์ต่ำสุด ({laos.Count} แห่ง):",
            (true, false) => $"LAOs at risk, not started first, then fewest known items passed ({laos.Count}; the manual still has unknown items, so no projected score yet):",
            (false, false) => $"อปท. ที่ยังเสี่ยง เรียงจากยังไม่เริ่มและผ่านข้อที่ทราบน้อยที่สุด ({laos.Count} แห่ง; คู่มือยังมีข้อที่ไม่ทราบ จึงยังคำนวณคะแนนคาดการณ์ไม่ได้):",
        };
        var text = new StringBuilder().AppendLine(heading + Provisional(occasions, english)).AppendLine().AppendLine(lead);
        var html = new StringBuilder($"<p><strong>{E(heading)}</strong>{E(Provisional(occasions, english))}</p><p>{E(lead)}</p><ol>");
        var rank = 0;
        foreach (var lao in laos)
        {
            text.AppendLine($"{++rank}. {lao.Name}: {lao.Reason} {baseUrl}{lao.LinkPath}");
            html.Append($"<li><a href=\"{E(baseUrl + lao.LinkPath)}\">{E(lao.Name)}</a>: {E(lao.Reason)}</li>");
        }

        var dashboard = english ? "Province dashboard" : "แดชบอร์ดจังหวัด";
        var preferences = english ? "Change or stop these emails" : "ปรับหรือหยุดรับอีเมลแจ้งเตือน";
        text.AppendLine().AppendLine($"{dashboard}: {baseUrl}{dashboardPath}");
        html.Append($"</ol><p><a href=\"{E(baseUrl + dashboardPath)}\">{E(dashboard)} {E(provinceName)}</a></p>");
        if (preferencesPath is not null)
        {
            text.AppendLine($"{preferences}: {baseUrl}{preferencesPath}");
            html.Append($"<p style=\"font-size:small\"><a href=\"{E(baseUrl + preferencesPath)}\">{E(preferences)}</a></p>");
        }
        return new AlertContent(subject, text.ToString(), html.ToString());
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>One rendering of an alert: subject, plain text, HTML.</summary>
public sealed record AlertContent(string Subject, string Text, string Html);
