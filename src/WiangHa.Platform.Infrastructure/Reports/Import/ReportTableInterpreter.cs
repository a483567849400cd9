using System.Globalization;
using System.Text.RegularExpressions;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Common;

namespace WiangHa.Platform.Infrastructure.Reports.Import;

/// <summary>A measure found in an imported report, with the problems of its row in Thai.</summary>
/// <param name="Position">Where the row is in the file (line or table row), for messages.</param>
/// <param name="Blocking">A blocking problem keeps the row out of the import.</param>
public sealed record ImportRow(
    int Position,
    int? Number,
    string Title,
    List<string> Steps,
    string UnitsText,
    List<string> UnitNames,
    string PeriodText,
    int? FromYear,
    int? FromMonth,
    int? ToYear,
    int? ToMonth,
    List<string> ResultPoints,
    string? Outcome,
    List<string> Problems,
    bool Blocking);

/// <param name="ItaItems">The ITA items the document's text cites, e.g. "2567/O35".</param>
public sealed record ParsedReport(int? DetectedFiscalYear, IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> ItaItems);

/// <summary>
/// Turns the raw rows of a report into measures: finds the header row (and skips its repeats on later pages), checks
/// the six columns, strips the numbering of points (Thai or Arabic digits), parses the period and collapses whitespace.
/// </summary>
public static partial class ReportTableInterpreter
{
    public const int ColumnCount = 6;

    public static ParsedReport Interpret(RawReport raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var headerIndex = -1;
        for (var i = 0; i < raw.Rows.Count && headerIndex < 0; i++)
        {
            if (IsHeader(raw.Rows[i]))
            {
                headerIndex = i;
            }
        }

        if (headerIndex < 0)
        {
            throw new ImportFormatException(
                $"ไม่พบตารางมาตรการในไฟล์ ต้องมีแถวหัวตารางที่ขึ้นต้นด้วย \"{ReportBuilder.ResultsHeaders[0]}\" และมี {ColumnCount} คอลัมน์: {string.Join(" · ", ReportBuilder.ResultsHeaders)}");
        }

        var header = raw.Rows[headerIndex].Cells.Select(Joined).Where(h => h.Length > 0).ToList();
        var expected = ReportBuilder.ResultsHeaders;
        if (header.Count != ColumnCount || !header.Zip(expected).All(p => Squeezed(p.First) == Squeezed(p.Second)))
        {
            throw new ImportFormatException(
                $"คอลัมน์ของตารางไม่ตรงกับแบบรายงานผล ต้องมี {ColumnCount} คอลัมน์: {string.Join(" · ", expected)} แต่พบ {header.Count} คอลัมน์: {string.Join(" · ", header)}");
        }

        var fiscalYear = DetectFiscalYear(raw.OtherText);
        var rows = new List<ImportRow>();
        foreach (var row in raw.Rows.Skip(headerIndex + 1))
        {
            if (IsHeader(row) || row.Cells.All(c => Joined(c).Length == 0))
            {
                continue;
            }

            rows.Add(Interpret(row, fiscalYear));
        }

        if (rows.Count == 0)
        {
            throw new ImportFormatException("พบหัวตาราง แต่ไม่พบมาตรการในตาราง");
        }

        return new ParsedReport(fiscalYear, rows, CitedItems(raw.OtherText));
    }

    private static ImportRow Interpret(RawRow row, int? fiscalYear)
    {
        var problems = new List<string>();
        if (InvisibleCharactersNotice(row) is { } notice)
        {
            problems.Add(notice);
        }

        var cells = row.Cells.Select(c => c.Select(Clean).Where(p => p.Length > 0).ToList()).ToList();
        // Trailing empty cells (a tab at the end of the line, an empty Excel column) are not columns.
        while (cells.Count > ColumnCount && cells[^1].Count == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        var blocking = false;
        if (cells.Count != ColumnCount)
        {
            problems.Add($"แถวนี้มี {cells.Count} ช่อง แต่ตารางต้องมี {ColumnCount} ช่อง จึงไม่นำเข้าแถวนี้");
            blocking = true;
            while (cells.Count < ColumnCount)
            {
                cells.Add([]);
            }
        }

        var titleText = string.Join(' ', cells[0]);
        int? number = null;
        if (NumberPrefix().Match(titleText) is { Success: true } numbered)
        {
            number = int.Parse(ThaiNumerals.ToArabicDigits(numbered.Groups[1].Value), NumberStyles.None, CultureInfo.InvariantCulture);
            titleText = numbered.Groups[2].Value;
        }

        if (titleText.Length == 0)
        {
            problems.Add("ไม่มีชื่อมาตรการ/แนวทาง จึงไม่นำเข้าแถวนี้");
            blocking = true;
        }

        var steps = Points(cells[1]);
        if (steps.Count == 0)
        {
            problems.Add("ไม่มีขั้นตอน/วิธีการปฏิบัติ จึงไม่นำเข้าแถวนี้");
            blocking = true;
        }

        var unitsText = string.Join(' ', cells[2]);
        var periodText = string.Join(' ', cells[3]);
        int? fromYear = null, fromMonth = null, toYear = null, toMonth = null;
        if (TryParsePeriod(periodText, fiscalYear, out var from, out var to))
        {
            (fromYear, fromMonth, toYear, toMonth) = (from.BuddhistYear, from.Month, to.BuddhistYear, to.Month);
        }
        else
        {
            problems.Add($"อ่านระยะเวลาดำเนินการ \"{periodText}\" ไม่ได้ ระบบจะใช้ตลอดปีงบประมาณ (ตุลาคม–กันยายน) แก้ไขได้ภายหลัง");
        }

        var outcome = string.Join(' ', cells[5]);
        return new ImportRow(row.Position, number, titleText, steps, unitsText, SplitUnits(unitsText), periodText,
            fromYear, fromMonth, toYear, toMonth, Points(cells[4]), outcome.Length == 0 ? null : outcome, problems, blocking);
    }

    /// <summary>
    /// Numbered points without their numbers. A paragraph without a number after a numbered one continues it (a point
    /// that was broken over two paragraphs).
    /// </summary>
    private static List<string> Points(List<string> paragraphs)
    {
        var points = new List<string>();
        foreach (var paragraph in paragraphs)
        {
            if (NumberPrefix().Match(paragraph) is { Success: true } m)
            {
                points.Add(m.Groups[2].Value);
            }
            else if (points.Count > 0 && NumberPrefix().IsMatch(paragraphs[0]))
            {
                points[^1] = $"{points[^1]} {paragraph}";
            }
            else
            {
                points.Add(paragraph);
            }
        }

        return points.Where(p => p.Length > 0).ToList();
    }

    /// <summary>"ตุลาคม ๒๕๖๕ ถึง มีนาคม ๒๕๖๖", "ต.ค. 65 - มี.ค. 66", "ตุลาคม 2565 – กันยายน 2566".</summary>
    public static bool TryParsePeriod(string text, out ThaiMonth from, out ThaiMonth to) => TryParsePeriod(text, null, out from, out to);

    /// <summary>
    /// A period as Thai offices write it: month names full or abbreviated ("ตุลาคม", "ต.ค."), Thai or Arabic digits,
    /// two- or four-digit BE years, glued or spaced ("ต.ค.๖๕"), with days ("๑ ตุลาคม ๒๕๖๕ – ๓๑ มีนาคม ๒๕๖๖") or
    /// "พ.ศ." before the year, and "ตลอดปีงบประมาณ" (with its year, or the report's <paramref name="fiscalYear"/>).
    /// The text itself is kept by the caller: a period read is a month range, the words stay beside it.
    /// </summary>
    public static bool TryParsePeriod(string text, int? fiscalYear, out ThaiMonth from, out ThaiMonth to)
    {
        from = to = default;
        var normal = Whitespace().Replace(ThaiNumerals.ToArabicDigits(text ?? ""), " ").Trim();
        if (WholeFiscalYear().Match(normal) is { Success: true } whole)
        {
            var year = whole.Groups[1].Success ? int.Parse(whole.Groups[1].Value, CultureInfo.InvariantCulture) : fiscalYear;
            if (year is not { } y)
            {
                return false;
            }

            y = y < 100 ? y + 2500 : y;
            return ThaiMonth.TryParseThai($"ตุลาคม {y - 1}", out from) && ThaiMonth.TryParseThai($"กันยายน {y}", out to);
        }

        var parts = PeriodSeparator().Split(normal).Select(PeriodSide).Where(p => p.Length > 0).ToArray();
        return parts.Length == 2 && ThaiMonth.TryParseThai(parts[0], out from) && ThaiMonth.TryParseThai(parts[1], out to) && to >= from;
    }

    /// <summary>"ตั้งแต่ 1 ตุลาคม พ.ศ. 2565" → "ตุลาคม 2565"; "ต.ค.65" → "ต.ค. 65".</summary>
    private static string PeriodSide(string side)
    {
        var text = LeadingDay().Replace(SincePrefix().Replace(side.Trim(), ""), "");
        text = BuddhistEraMark().Replace(text, " ");
        text = GluedYear().Replace(text, "$1 $2");
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Unit names as written: separated by spaces, commas or line breaks (matching happens later).</summary>
    private static List<string> SplitUnits(string text) =>
        UnitSeparator().Split(text).Select(u => u.Trim()).Where(u => u.Length > 0).ToList();

    private static int? DetectFiscalYear(string text)
    {
        var match = FiscalYearPattern().Match(ThaiNumerals.ToArabicDigits(text));
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>"คู่มือการประเมิน… พ.ศ. ๒๕๖๗ … ข้อ ๐๓๕ …" → "2567/O35" (the seed writes the O of O35 as a zero).</summary>
    private static List<string> CitedItems(string text) =>
        CitationPattern().Matches(ThaiNumerals.ToArabicDigits(text))
            .Select(m => FormattableString.Invariant($"{m.Groups[1].Value}/O{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)}"))
            .Distinct()
            .ToList();

    private static bool IsHeader(RawRow row) =>
        row.Cells.Count > 0 && Squeezed(Joined(row.Cells[0])) == Squeezed(ReportBuilder.ResultsHeaders[0]);

    private static string Joined(IReadOnlyList<string> paragraphs) => Clean(string.Join(' ', paragraphs));

    /// <summary>
    /// Whitespace runs (including no-break and zero-width spaces) collapsed to one space, trimmed, in NFC, without the
    /// control and other refused characters of <see cref="TextHygiene"/> (which the row's notice counts).
    /// </summary>
    public static string Clean(string text) =>
        Whitespace().Replace(TextHygiene.Strip(text.Replace("\u200b", "", StringComparison.Ordinal), multiLine: false).Text, " ").Trim();

    /// <summary>
    /// Says that characters were dropped from the row: nobody can find an invisible character in a Word file, so the
    /// import strips them rather than refusing the file, and the preview shows it.
    /// </summary>
    private static string? InvisibleCharactersNotice(RawRow row)
    {
        var removed = 0;
        (int Index, int CodePoint)? example = null;
        foreach (var paragraph in row.Cells.SelectMany(c => c))
        {
            example ??= TextHygiene.FirstRefused(paragraph, multiLine: true);
            removed += TextHygiene.Strip(paragraph, multiLine: true).Removed;
        }

        return removed == 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"ตัดอักขระควบคุมที่มองไม่เห็นออก {removed} ตัว (เช่น U+{example!.Value.CodePoint:X4}) เพราะทำให้เอกสาร ITA เสียได้ กรุณาตรวจข้อความของแถวนี้หลังนำเข้า");
    }

    /// <summary>Without any whitespace, for comparing headers broken over lines ("หน่วยงาน ผู้รับผิดชอบ").</summary>
    private static string Squeezed(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"^\(?([๐-๙0-9]{1,2})\s*[\.\)]\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"[\s\u00a0]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+ถึง\s+|ถึง|\s+[-–—]\s+|[–—]")]
    private static partial Regex PeriodSeparator();

    [GeneratedRegex(@"[\s,;、]+")]
    private static partial Regex UnitSeparator();

    [GeneratedRegex(@"^ตลอด\s*ปี\s*งบ\s*ประมาณ(?:\s*(?:พ\.\s*ศ\.)?\s*(\d{2}|\d{4}))?$")]
    private static partial Regex WholeFiscalYear();

    [GeneratedRegex(@"^(?:ตั้งแต่|เริ่ม)\s*")]
    private static partial Regex SincePrefix();

    [GeneratedRegex(@"^(?:วันที่\s*)?\d{1,2}\s+(?=\D)")]
    private static partial Regex LeadingDay();

    [GeneratedRegex(@"\s*พ\.\s*ศ\.\s*")]
    private static partial Regex BuddhistEraMark();

    [GeneratedRegex(@"([ก-๛.])(\d{2,4})$")]
    private static partial Regex GluedYear();

    [GeneratedRegex(@"คู่มือการประเมิน[^\n]*?พ\.ศ\.\s*(25\d\d)[^\n]*?ข้อ\s*[Oo0]?\s*(\d{1,2})\b")]
    private static partial Regex CitationPattern();

    [GeneratedRegex(@"ปีงบประมาณ\s*(?:พ\.ศ\.)?\s*(25\d\d)")]
    private static partial Regex FiscalYearPattern();
}
