using System.Globalization;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Domain.Compliance;

/// <summary>Everything the rules need about one item of one tenant.</summary>
public sealed record ItemContext(
    int AssessmentYear,
    ItaItem Item,
    OrganisationType OrganisationType,
    DisclosureFacts? Disclosure,
    IReadOnlyList<MeasureFacts> Measures,
    IReadOnlyDictionary<string, LinkFacts> Links,
    bool UnreachableLinksWarnOnly = false);

/// <summary>
/// The machine-checked rules per ITA item. Pure: plain inputs, no I/O. Every failure carries a Thai reason that
/// tells the clerk what to fix. The rule codes are listed in <see cref="RuleCodes"/>.
/// </summary>
public static class ItemRules
{
    /// <summary>The rules, in the order they are evaluated (also the list in docs/decisions/0006-compliance.md).</summary>
    public static readonly IReadOnlyList<(string Code, string Description)> RuleCodes =
    [
        ("applicability", "ข้อที่ไม่ใช้กับประเภท อปท. นี้ ไม่นำมาคิดคะแนน"),
        ("answer", "ต้องตอบ \"มี\" ในแบบ OIT"),
        ("url", "ต้องมี URL อย่างน้อย 1 รายการ และเป็น http(s)"),
        ("links", "URL ต้องเปิดได้ (2xx); เปิดไม่ได้ (ไม่พบโดเมน เชื่อมต่อไม่ได้ หมดเวลา) = ไม่ผ่าน เว้นแต่ตั้งให้เตือนเท่านั้น; หน้าไม่ระบุปีที่กำหนด หรือยังไม่ได้ตรวจ = เตือน (ไม่นับคะแนน)"),
        ("measures.elements", "ข้อมาตรการ: มีการวิเคราะห์ (จุดอ่อนเร่งด่วน และประเด็นที่ต้องพัฒนา) และทุกมาตรการมีผู้รับผิดชอบ ขั้นตอน การกำกับติดตามและรายงาน"),
        ("report.elements", "ข้อรายงานผล: ทุกมาตรการมีสรุปผลการดำเนินการ และผลลัพธ์/ความสำเร็จ"),
        ("data-year", "ระยะเวลาดำเนินการของมาตรการอยู่ในปีงบประมาณที่ข้อกำหนด"),
    ];

    public static ItemVerdict Evaluate(ItemContext context)
    {
        var item = context.Item;
        if (!item.AppliesToType(context.OrganisationType))
        {
            return new ItemVerdict(ComplianceStatus.NotApplicable, ["ข้อนี้ไม่ใช้กับ อปท. ประเภทนี้"]);
        }

        var failures = new List<string>();
        var warnings = new List<string>();
        CheckDisclosure(context, failures, warnings);
        switch (item.Kind)
        {
            case ItaItemKind.Measures:
                CheckMeasuresElements(context.Measures, failures);
                CheckDataYear(context, failures);
                break;
            case ItaItemKind.MeasuresReport:
                CheckReportElements(context.Measures, failures);
                CheckDataYear(context, failures);
                break;
        }

        if (failures.Count > 0)
        {
            return new ItemVerdict(ComplianceStatus.Fail, [.. failures, .. warnings]);
        }

        return warnings.Count > 0 ? new ItemVerdict(ComplianceStatus.Warning, warnings) : new ItemVerdict(ComplianceStatus.Pass, []);
    }

    /// <summary>Rules "answer", "url" and "links".</summary>
    public static void CheckDisclosure(ItemContext context, List<string> failures, List<string> warnings)
    {
        var disclosure = context.Disclosure;
        if (disclosure is null || disclosure.Answer == DisclosureAnswer.None)
        {
            failures.Add("ยังไม่ได้ตอบว่า \"มี\" หรือ \"ไม่มี\" ข้อมูลข้อนี้ — กรอกแบบเปิดเผยข้อมูลของข้อนี้");
            return;
        }

        if (disclosure.Answer == DisclosureAnswer.No)
        {
            failures.Add("ตอบว่า \"ไม่มี\" ข้อมูล — ข้อนี้จะได้ 0 คะแนน จนกว่าจะเผยแพร่ข้อมูลบนเว็บไซต์และตอบ \"มี\"");
            return;
        }

        var urls = disclosure.Urls.Where(u => !string.IsNullOrWhiteSpace(u)).ToList();
        if (urls.Count == 0)
        {
            failures.Add("ยังไม่มี URL ของข้อมูลบนเว็บไซต์หลักของหน่วยงาน — ใส่ลิงก์อย่างน้อย 1 ลิงก์");
            return;
        }

        var requiredYear = RequiredYear(context);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"URL \"{url}\" ไม่ใช่ที่อยู่เว็บ (ต้องขึ้นต้นด้วย http:// หรือ https://)");
                continue;
            }

            if (!context.Links.TryGetValue(url, out var link))
            {
                warnings.Add($"ยังไม่ได้ตรวจว่าเปิดลิงก์ {url} ได้ — กด \"ตรวจเดี๋ยวนี้\"");
                continue;
            }

            switch (link.Outcome)
            {
                case LinkOutcome.Broken:
                    failures.Add($"เปิดลิงก์ {url} ไม่ได้ ({link.Detail ?? link.StatusCode?.ToString(CultureInfo.InvariantCulture)}) — ผู้ประเมินจะให้ 0 คะแนน แก้ลิงก์หรือหน้าเว็บ");
                    break;
                case LinkOutcome.Refused:
                    failures.Add($"ลิงก์ {url} ไม่ใช่ที่อยู่สาธารณะ ({link.Detail}) — ใช้ลิงก์บนเว็บไซต์หลักของหน่วยงาน");
                    break;
                case LinkOutcome.Unreachable when context.UnreachableLinksWarnOnly:
                    warnings.Add($"ตรวจลิงก์ {url} ไม่สำเร็จ ({link.Detail}) — ลองเปิดด้วยตนเอง (ปีนี้ตั้งให้ลิงก์ที่เปิดไม่ได้เป็นเพียงคำเตือน)");
                    break;
                case LinkOutcome.Unreachable:
                    failures.Add($"เปิดลิงก์ {url} ไม่ได้ ({link.Detail}) — ผู้ประเมินเปิดไม่ได้ก็จะให้ 0 คะแนน ตรวจว่าที่อยู่ถูกต้องและเว็บไซต์เปิดได้จากภายนอก แล้วกด \"ตรวจเดี๋ยวนี้\"");
                    break;
                case LinkOutcome.Ok when link.IsText && requiredYear is { } year && !link.YearsMentioned.Contains(year):
                    warnings.Add($"หน้า {url} ไม่ได้ระบุปี พ.ศ. {year.ToString(CultureInfo.InvariantCulture)} — ตรวจว่าเป็นข้อมูลของปีที่กำหนด");
                    break;
            }
        }
    }

    /// <summary>Rule "measures.elements" (2566 O42 and its successors).</summary>
    public static void CheckMeasuresElements(IReadOnlyList<MeasureFacts> measures, List<string> failures)
    {
        var active = measures.Where(m => m.Status != MeasureStatus.Cancelled).ToList();
        if (active.Count == 0)
        {
            failures.Add("ยังไม่มีมาตรการที่ผูกกับข้อนี้ — เพิ่มมาตรการและเลือกข้อ ITA นี้ในมาตรการ");
            return;
        }

        if (!active.Any(m => m.AnalysisBasis == AnalysisBasis.UrgentWeakness))
        {
            failures.Add("ไม่มีมาตรการที่มาจากการวิเคราะห์ \"ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน\" — ระบุประเด็นจากการวิเคราะห์ในมาตรการ");
        }

        if (!active.Any(m => m.AnalysisBasis == AnalysisBasis.IssueToImprove))
        {
            failures.Add("ไม่มีมาตรการที่มาจากการวิเคราะห์ \"ประเด็นที่ต้องพัฒนาให้ดีขึ้น\" — ระบุประเด็นจากการวิเคราะห์ในมาตรการ");
        }

        foreach (var m in active)
        {
            var missing = new List<string>();
            if (m.ResponsibleUnitCount == 0)
            {
                missing.Add("ผู้รับผิดชอบ");
            }

            if (m.StepCount == 0)
            {
                missing.Add("ขั้นตอนหรือวิธีปฏิบัติ");
            }

            if (string.IsNullOrWhiteSpace(m.Monitoring))
            {
                missing.Add("การกำกับติดตามและการรายงาน");
            }

            AddMissing(failures, m, missing);
        }
    }

    /// <summary>Rule "report.elements" (2567 O35 as the seed quotes it).</summary>
    public static void CheckReportElements(IReadOnlyList<MeasureFacts> measures, List<string> failures)
    {
        var active = measures.Where(m => m.Status != MeasureStatus.Cancelled).ToList();
        if (active.Count == 0)
        {
            failures.Add("ยังไม่มีมาตรการที่ผูกกับข้อนี้ — รายงานผลต้องแสดงมาตรการหรือกิจกรรมที่ดำเนินการ");
            return;
        }

        foreach (var m in active)
        {
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(m.Title))
            {
                missing.Add("ชื่อมาตรการหรือกิจกรรม");
            }

            if (m.ResultPointCount == 0)
            {
                missing.Add("สรุปผลการดำเนินการ");
            }

            if (string.IsNullOrWhiteSpace(m.Outcome))
            {
                missing.Add("ผลลัพธ์หรือความสำเร็จ");
            }

            AddMissing(failures, m, missing);
        }
    }

    private static void AddMissing(List<string> failures, MeasureFacts measure, List<string> missing)
    {
        if (missing.Count > 0)
        {
            failures.Add($"มาตรการที่ {measure.Number.ToString(CultureInfo.InvariantCulture)} ขาด{string.Join(" ", missing.Select(x => $"\"{x}\""))}");
        }
    }

    /// <summary>Rule "data-year": every measure's period lies inside the fiscal year the item asks for.</summary>
    public static void CheckDataYear(ItemContext context, List<string> failures)
    {
        if (RequiredYear(context) is not { } year)
        {
            return;
        }

        var fiscalYear = new Calendar.FiscalYear(year);
        foreach (var m in context.Measures.Where(m => m.Status != MeasureStatus.Cancelled))
        {
            // Periods are stored as the first day of their first and last months.
            if (!fiscalYear.Contains(m.PeriodFrom) || !fiscalYear.Contains(m.PeriodTo))
            {
                failures.Add($"มาตรการที่ {m.Number.ToString(CultureInfo.InvariantCulture)} มีระยะเวลาดำเนินการนอกปีงบประมาณ พ.ศ. {year.ToString(CultureInfo.InvariantCulture)} ที่ข้อนี้กำหนด");
            }
        }
    }

    /// <summary>The fiscal year (พ.ศ.) the item's data must belong to, when the item states one.</summary>
    public static int? RequiredYear(ItemContext context) => context.Item.DataYear?.FiscalYearFor(context.AssessmentYear);
}
