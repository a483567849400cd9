using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Measures;

namespace WiangHa.Platform.Infrastructure.Reports;

/// <summary>
/// Builds the two ITA documents of the current tenant for a fiscal year from its measure catalogue, laid out as the
/// seed report. The ITA items cited are the ones the year's measures name (e.g. 2566/O42 and 2567/O35), and their
/// wording comes from <see cref="IItaItemTexts"/>, the catalogue of each assessment year.
/// </summary>
public sealed class ReportBuilder(PlatformDbContext db, MeasureQueries measures, IItaItemTexts itaTexts, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> ResultsHeaders =
        ["มาตรการ/แนวทาง", "ขั้นตอน/วิธีการปฏิบัติ", "หน่วยงานผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "สรุปผลการดำเนินการ", "ผลลัพธ์/ความสำเร็จ"];

    public static readonly IReadOnlyList<string> MeasuresHeaders =
        ["มาตรการ/แนวทาง", "ประเด็นจากการวิเคราะห์ผลการประเมิน", "ขั้นตอน/วิธีการปฏิบัติ", "หน่วยงานผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "การกำกับติดตามและการรายงานผล"];

    /// <summary>Where each header breaks on paper: between words, never inside one (joined, they are the headers).</summary>
    private static readonly Dictionary<string, string[]> HeaderBreaks = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ขั้นตอน/วิธีการปฏิบัติ"] = ["ขั้นตอน/", "วิธีการปฏิบัติ"],
        ["หน่วยงานผู้รับผิดชอบ"] = ["หน่วยงาน", "ผู้รับผิดชอบ"],
        ["ระยะเวลาดำเนินการ"] = ["ระยะเวลา", "ดำเนินการ"],
        ["สรุปผลการดำเนินการ"] = ["สรุปผล", "การดำเนินการ"],
        ["ผลลัพธ์/ความสำเร็จ"] = ["ผลลัพธ์/", "ความสำเร็จ"],
        ["ประเด็นจากการวิเคราะห์ผลการประเมิน"] = ["ประเด็นจาก", "การวิเคราะห์", "ผลการประเมิน"],
        ["การกำกับติดตามและการรายงานผล"] = ["การกำกับติดตาม", "และการรายงานผล"],
    };

    public static IReadOnlyList<IReadOnlyList<string>> HeaderLines(IReadOnlyList<string> headers) =>
        headers.Select(h => (IReadOnlyList<string>)(HeaderBreaks.TryGetValue(h, out var lines) ? lines : [h])).ToList();

    private const string Manual = "คู่มือการประเมินคุณธรรมและความโปร่งใสภายในหน่วยงานประจำปีงบประมาณ พ.ศ.";
    private const string Promote = "เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน";

    public async Task<ReportDocument?> BuildAsync(ReportKind kind, int fiscalYear, ReportOptions options, CancellationToken cancellationToken = default)
    {
        var organisation = await OrganisationAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var list = await measures.ListAsync(fiscalYear, cancellationToken);
        var (resultsItem, measuresItem) = await CitedItemsAsync(list, fiscalYear, cancellationToken);
        var o = options;
        var date = ReportDate(o);
        var blocks = kind == ReportKind.Results
            ? ResultsBlocks(organisation, fiscalYear, o, list, resultsItem, measuresItem, date)
            : await MeasuresBlocksAsync(organisation, fiscalYear, o, list, measuresItem, date, cancellationToken);
        var closing = kind == ReportKind.Results ? "จึงรายงานผลการดำเนินการมาเพื่อโปรดทราบ" : $"ประกาศ {date}";
        blocks.Add(new SignatureBlock(o.SignatoryName, o.SignatoryPosition, closing));
        var name = kind == ReportKind.Results ? "ita-results" : "ita-measures";
        var item = kind == ReportKind.Results ? resultsItem : measuresItem;
        return new ReportDocument(kind, fiscalYear, FormattableString.Invariant($"{name}-{fiscalYear}"), blocks,
            SheetTitles(kind, organisation, fiscalYear, o, item, kind == ReportKind.Results ? measuresItem : null), o.ThaiDigits);
    }

    /// <summary>"ณ วันที่ ๔ ธันวาคม ๒๕๖๙": the day the document is produced, in Thailand.</summary>
    private string ReportDate(ReportOptions o)
    {
        var today = ThaiTime.ToBangkok(clock.GetUtcNow());
        return o.Digits($"ณ วันที่ {today.Day} {ThaiMonth.FullNames[today.Month - 1]} {today.Year + FiscalYear.BuddhistEraOffset}");
    }

    /// <summary>
    /// The spreadsheet's title rows: the LAO, the document, its fiscal year, and the items it answers, worded so that
    /// an import reads the year and the items back ("คู่มือการประเมิน ITA พ.ศ. … ข้อ …").
    /// </summary>
    private static List<string> SheetTitles(ReportKind kind, OrganisationNames org, int fiscalYear, ReportOptions o, ItaItemText? item, ItaItemText? also)
    {
        var titles = new List<string>
        {
            $"{org.Name} {Place(org)}",
            kind == ReportKind.Results
                ? $"รายงานผลการดำเนินการ{Promote} (รอบ {o.Digits(o.RoundMonths)} เดือน)"
                : "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            $"ปีงบประมาณ พ.ศ. {o.Digits(fiscalYear)}",
        };
        titles.AddRange(new[] { item, also }.OfType<ItaItemText>()
            .Select(i => o.Digits($"คู่มือการประเมิน ITA พ.ศ. {i.AssessmentYear} ข้อ {i.Code} {i.Title}")));
        return titles;
    }

    /// <summary>The items the year's documents will cite (null where the measures name none the catalogue knows).</summary>
    public async Task<(ItaItemText? Results, ItaItemText? Measures)> CitationsAsync(int fiscalYear, CancellationToken cancellationToken = default) =>
        await CitedItemsAsync(await measures.ListAsync(fiscalYear, cancellationToken), fiscalYear, cancellationToken);

    private sealed record OrganisationNames(string Name, string District, string Province);

    private async Task<OrganisationNames?> OrganisationAsync(CancellationToken cancellationToken)
    {
        var tenantId = db.CurrentTenantId;
        return await (
                from o in db.Organisations
                join d in db.Districts on o.DistrictCode equals d.Code
                join p in db.Provinces on o.ProvinceCode equals p.Code
                where o.Id == tenantId
                select new OrganisationNames(o.NameTh, d.NameTh, p.NameTh))
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The results item is cited from the next year's manual, the measures item from the year's own.</summary>
    private async Task<(ItaItemText? Results, ItaItemText? Measures)> CitedItemsAsync(IReadOnlyList<MeasureView> list, int fiscalYear, CancellationToken cancellationToken)
    {
        ItaItemText? results = null, measuresItem = null;
        foreach (var reference in list.SelectMany(m => m.ItaItems).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var parts = reference.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                continue;
            }

            if (year == fiscalYear + 1 && results is null)
            {
                results = await itaTexts.FindAsync(year, parts[1], cancellationToken);
            }
            else if (year == fiscalYear && measuresItem is null)
            {
                measuresItem = await itaTexts.FindAsync(year, parts[1], cancellationToken);
            }
        }

        return (results, measuresItem);
    }

    private static List<DocumentBlock> ResultsBlocks(
        OrganisationNames org, int fiscalYear, ReportOptions o, IReadOnlyList<MeasureView> list, ItaItemText? resultsItem, ItaItemText? measuresItem, string date)
    {
        var round = $"(รอบ {o.Digits(o.RoundMonths)} เดือน)";
        var year = o.Digits(fiscalYear);
        var blocks = new List<DocumentBlock>
        {
            new TitleLine("รายงานผลการดำเนินการ", true),
            new TitleLine(Promote, true),
            new TitleLine($"ในปีงบประมาณ พ.ศ. {year}", true),
            new TitleLine(round, true),
            new TitleLine(org.Name, true, SpaceBefore: true),
            new TitleLine(Place(org), false),
            new TitleLine(date, false),
            new TitleLine("ผลการดำเนินการ", true, SpaceBefore: true),
            new TitleLine(Promote, true),
            new TitleLine($"ตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ{org.Name}", true),
            new TitleLine($"ประจำปีงบประมาณ พ.ศ. {year} {round}", true),
        };

        if (resultsItem is not null)
        {
            blocks.Add(new Paragraph(o.Digits(ResultsCitation(resultsItem))));
            blocks.AddRange(resultsItem.RequiredElements.Select((e, i) => new Paragraph(o.Digits($"({i + 1}) {e}"), Indent: 1)));
            if (resultsItem.DataYearRule is { } rule)
            {
                blocks.Add(new Paragraph(o.Digits($"* {rule}"), Indent: 1));
            }
        }

        if (measuresItem is not null)
        {
            blocks.Add(new Paragraph(o.Digits($"ทั้งนี้ {MeasuresCitation(measuresItem)}")));
            blocks.AddRange(measuresItem.RequiredElements.Select((e, i) => new Paragraph(o.Digits($"{i + 1}. {e}"), Indent: 1)));
            if (resultsItem is not null)
            {
                blocks.Add(new Paragraph(o.Digits(
                    $"ดังนั้น การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสภายใน การดำเนินการประจำปีงบประมาณ พ.ศ. {fiscalYear} " +
                    $"สามารถนำข้อมูลเดิมในข้อ {measuresItem.Code} ที่มีการกำหนดมาตรการไว้แล้ว มาใช้เพื่อตอบตัวชี้วัดข้อ {resultsItem.Code} " +
                    $"{resultsItem.Title}ตามคู่มือการประเมิน ITA ปี พ.ศ. {resultsItem.AssessmentYear} ดังนี้")));
            }
        }

        // The table, its lead-in and the signature go on landscape pages; the citations above stay portrait.
        blocks.Add(new SectionBreak(Landscape: true));
        blocks.Add(new Paragraph(
            $"ตามที่ได้จัดทำมาตรการหรือแนวทางในการส่งเสริมคุณธรรมและความโปร่งใสของ{org.Name} โดยได้ดำเนินการขับเคลื่อนมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ{org.Name} " +
            $"ประจำปีงบประมาณ พ.ศ. {year} {round} ดังต่อไปนี้"));
        blocks.Add(new TableBlock(ResultsHeaders, [19, 20, 11, 11, 19, 20], list.Select(m => ResultsRow(m, o)).ToList(), HeaderLines(ResultsHeaders)));
        return blocks;
    }

    private async Task<List<DocumentBlock>> MeasuresBlocksAsync(
        OrganisationNames org, int fiscalYear, ReportOptions o, IReadOnlyList<MeasureView> list, ItaItemText? measuresItem, string date, CancellationToken cancellationToken)
    {
        var year = o.Digits(fiscalYear);
        var blocks = new List<DocumentBlock>
        {
            new TitleLine("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", true),
            new TitleLine($"ประจำปีงบประมาณ พ.ศ. {year}", true),
            new TitleLine(org.Name, true, SpaceBefore: true),
            new TitleLine(Place(org), false),
            new TitleLine(date, false),
        };
        if (measuresItem is not null)
        {
            blocks.Add(new Paragraph(o.Digits(MeasuresCitation(measuresItem))));
            blocks.AddRange(measuresItem.RequiredElements.Select((e, i) => new Paragraph(o.Digits($"{i + 1}. {e}"), Indent: 1)));
        }

        var analysis = await db.AssessmentAnalyses.AsNoTracking().SingleOrDefaultAsync(a => a.FiscalYear == fiscalYear, cancellationToken);
        blocks.Add(new Paragraph(o.Digits($"1. การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ปี พ.ศ. {fiscalYear - 1}"), Bold: true));
        if (analysis is null)
        {
            blocks.Add(new Paragraph("(ยังไม่ได้บันทึกการวิเคราะห์ผลการประเมิน)", Indent: 1));
        }
        else
        {
            if (analysis.PreviousScore is { } score)
            {
                blocks.Add(new Paragraph(o.Digits($"ผลคะแนนการประเมินปี พ.ศ. {fiscalYear - 1} เท่ากับ {score.ToString("0.##", CultureInfo.InvariantCulture)} คะแนน"), Indent: 1));
            }

            if (!string.IsNullOrWhiteSpace(analysis.Summary))
            {
                blocks.Add(new Paragraph(analysis.Summary, Indent: 1));
            }

            blocks.Add(new Paragraph(o.Digits("(1) ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องพัฒนาแก้ไขโดยเร่งด่วน"), Indent: 1));
            blocks.AddRange(Numbered(analysis.UrgentWeaknesses, o).Select(t => new Paragraph(t, Indent: 2)));
            blocks.Add(new Paragraph(o.Digits("(2) ประเด็นที่จะต้องพัฒนาให้ดีขึ้น"), Indent: 1));
            blocks.AddRange(Numbered(analysis.IssuesToImprove, o).Select(t => new Paragraph(t, Indent: 2)));
        }

        blocks.Add(new SectionBreak(Landscape: true));
        blocks.Add(new Paragraph(o.Digits("2. มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"), Bold: true));
        blocks.Add(new TableBlock(MeasuresHeaders, [21, 14, 24, 12, 11, 18], list.Select(m => MeasuresRow(m, o)).ToList(), HeaderLines(MeasuresHeaders)));
        return blocks;
    }

    /// <summary>
    /// "คู่มือ… ข้อ O35 … กำหนดองค์ประกอบด้านข้อมูลไว้ว่า แสดงผล…* ที่มีรายละเอียดอย่างน้อยประกอบด้วย" as the seed quotes it;
    /// without a known requirement clause the sentence still reads whole ("…กำหนดองค์ประกอบด้านข้อมูลให้มีรายละเอียด…").
    /// </summary>
    public static string ResultsCitation(ItaItemText item)
    {
        var mark = item.DataYearRule is null ? "" : "*";
        var cited = $"{ItemCitation(item)} กำหนดองค์ประกอบด้านข้อมูล";
        var listed = item.RequiredElements.Count > 0;
        return item.RequirementClause is { } clause
            ? $"{cited}ไว้ว่า {clause}{mark}{(listed ? " ที่มีรายละเอียดอย่างน้อยประกอบด้วย" : "")}"
            : listed ? $"{cited}ให้มีรายละเอียดอย่างน้อยประกอบด้วย{mark}" : $"{cited}ตามคู่มือการประเมิน{mark}";
    }

    /// <summary>"คู่มือ… ข้อ O42 … มีองค์ประกอบด้านข้อมูล ดังนี้", with the requirement clause where the catalogue knows it.</summary>
    public static string MeasuresCitation(ItaItemText item) => item.RequirementClause is { } clause
        ? $"{ItemCitation(item)} กำหนดองค์ประกอบด้านข้อมูลไว้ว่า {clause}{(item.RequiredElements.Count > 0 ? " โดยมีรายละเอียด ดังนี้" : "")}"
        : $"{ItemCitation(item)} มีองค์ประกอบด้านข้อมูล{(item.RequiredElements.Count > 0 ? " ดังนี้" : "ตามคู่มือการประเมิน")}";

    private static string ItemCitation(ItaItemText item) =>
        $"{Manual} {item.AssessmentYear} ตัวชี้วัดย่อย {item.SubIndicatorCode} {item.SubIndicatorTitle} ข้อ {item.Code} {item.Title}";

    private static string Place(OrganisationNames org) => $"อำเภอ{org.District} จังหวัด{org.Province}";

    public static IReadOnlyList<IReadOnlyList<string>> ResultsRow(MeasureView m, ReportOptions o) =>
    [
        [$"{o.Digits(m.Number)}. {m.Title}"],
        Numbered(m.Steps, o),
        [string.Join(" ", m.ResponsibleUnits.Select(u => u.Name))],
        [Period(m, o)],
        Numbered(m.ResultPoints, o),
        [.. m.Outcome is null ? [] : new[] { m.Outcome }, .. m.EvidenceLinks.Select(Evidence)],
    ];

    /// <summary>"หลักฐาน: ชื่อ https://…" — on paper the address is what a reader can follow, so it is always written.</summary>
    public static string Evidence(EvidenceLinkView link) =>
        string.IsNullOrWhiteSpace(link.Title) ? $"หลักฐาน: {link.Url}" : $"หลักฐาน: {link.Title} {link.Url}";

    private static IReadOnlyList<IReadOnlyList<string>> MeasuresRow(MeasureView m, ReportOptions o) =>
    [
        [$"{o.Digits(m.Number)}. {m.Title}"],
        [BasisText(m.AnalysisBasis)],
        Numbered(m.Steps, o),
        [string.Join(" ", m.ResponsibleUnits.Select(u => u.Name))],
        [Period(m, o)],
        m.Monitoring is null ? [] : [m.Monitoring],
    ];

    public static string Period(MeasureView m, ReportOptions o) =>
        $"{m.PeriodFrom.ToThai(o.ThaiDigits)} ถึง {m.PeriodTo.ToThai(o.ThaiDigits)}";

    public static string BasisText(AnalysisBasis basis) => basis switch
    {
        AnalysisBasis.UrgentWeakness => "ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน",
        AnalysisBasis.IssueToImprove => "ประเด็นที่ต้องพัฒนาให้ดีขึ้น",
        _ => "-",
    };

    /// <summary>"๑. …", "๒. …" when there are several points; a single point stays as written (as in the seed).</summary>
    public static IReadOnlyList<string> Numbered(IReadOnlyList<string> points, ReportOptions o) =>
        points.Count <= 1 ? [.. points] : points.Select((p, i) => $"{o.Digits(i + 1)}. {p}").ToList();
}
