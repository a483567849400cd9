using System.Globalization;
using System.Text.RegularExpressions;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Reports;

namespace WiangHa.Platform.Infrastructure.Reports.Import;

/// <summary>A measure found in an imported report, with the problems of its row in Thai.</summary>
/// <param name="Position">Where the row is in the file (line or table row), for messages.</param>
/// <param name="Blocking">A blocking problem keeps the row out of the import.</param>
/// <param name="NumberMark">The title's numbering as written ("๑.", "1)"), for the preview.</param>
/// <param name="StepMarks">Each step's numbering as written ("" where it had none), parallel to the steps.</param>
/// <param name="ResultMarks">Each result point's numbering as written, parallel to the points.</param>
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
    bool Blocking,
    string? NumberMark = null,
    List<string>? StepMarks = null,
    List<string>? ResultMarks = null);

/// <param name="ItaItems">The ITA items the document's text cites, e.g. "2567/O35".</param>
/// <param name="Notices">What the reading decided for the whole file that the clerk should know (rows left out and why).</param>
/// <param name="ThaiDigits">Whether the document writes its numbers in Thai digits (the preview shows them the same way).</param>
public sealed record ParsedReport(
    int? DetectedFiscalYear,
    IReadOnlyList<ImportRow> Rows,
    IReadOnlyList<string> ItaItems,
    IReadOnlyList<string>? Notices = null,
    bool ThaiDigits = false);

/// <summary>
/// Turns the raw rows of a report into measures: finds the header row (and skips its repeats on later pages), checks
/// the six columns, strips the numbering of points (Thai or Arabic digits), parses the period and collapses whitespace.
/// </summary>
public static partial class ReportTableInterpreter
{
    public const int ColumnCount = 6;

    /// <summary>How the table lies in the rows: where its header is, over how many rows, and whether a "ที่" column leads.</summary>
    private sealed record Layout(int HeaderIndex, int HeaderRows, int Offset, IReadOnlyList<string> Header);

    /// <summary>Column headers of a leading numbering column ("ที่", "ลำดับ").</summary>
    private static readonly string[] NumberColumnHeaders = ["ที่", "ลำดับ", "ลำดับที่", "ข้อ", "ลำดับข้อ", "No.", "No"];

    public static ParsedReport Interpret(RawReport raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        // Pasted web text is cleaned first, in every format: a <br> ends a line, <b> goes without a space.
        var all = raw.Rows.Select(r => r with { Cells = r.Cells.Select(c => (IReadOnlyList<string>)c.SelectMany(HtmlText.Lines).ToList()).ToList() }).ToList();
        var layout = FindLayout(all, raw);
        var notices = new List<string>();

        // What stands above the table (title lines, a title table, Excel's title rows) is the document's text too.
        var before = all.Take(layout.HeaderIndex).ToList();
        var otherText = raw.OtherText + "\n" + string.Join('\n', before.Select(r => string.Join(' ', r.Cells.Select(Joined).Where(c => c.Length > 0).Distinct())));
        foreach (var dropped in before.Where(LooksLikeData))
        {
            notices.Add($"{Where(raw.Format, dropped.Position)} อยู่ก่อนหัวตาราง จึงไม่นำเข้า: \"{Shorten(RowText(dropped))}\"");
        }

        var fiscalYear = DetectFiscalYear(otherText);
        if (fiscalYear is null)
        {
            notices.Add("ไม่พบปีงบประมาณในเอกสาร (เช่น \"ปีงบประมาณ พ.ศ. ๒๕๖๖\") จึงใช้ปีงบประมาณที่เลือกด้านล่าง กรุณาตรวจว่าถูกต้อง");
        }

        var (items, itemNotices) = CitedItems(otherText, fiscalYear);
        notices.AddRange(itemNotices);
        if (items.Count == 0)
        {
            notices.Add("ไม่พบการอ้างถึงข้อการประเมิน ITA (เช่น \"คู่มือการประเมิน… พ.ศ. ๒๕๖๗ … ข้อ O35\") มาตรการที่นำเข้าจะยังไม่ผูกกับข้อการประเมิน ITA เลือกได้ภายหลังในหน้าแก้ไขมาตรการ");
        }

        var headerTexts = all.Skip(layout.HeaderIndex).Take(layout.HeaderRows).Select(r => string.Concat(r.Cells.Select(Joined)).Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<ImportRow>();
        foreach (var row in all.Skip(layout.HeaderIndex + layout.HeaderRows))
        {
            if (IsHeader(row.Cells) || headerTexts.Contains(string.Concat(row.Cells.Select(Joined)).Replace(" ", "", StringComparison.Ordinal)) || row.Cells.All(c => Joined(c).Length == 0))
            {
                // A header repeated on the next page, or an empty row: nothing is lost.
                continue;
            }

            rows.Add(Interpret(row, layout.Offset, fiscalYear, raw.Format));
        }

        if (rows.Count == 0)
        {
            throw new ImportFormatException($"พบหัวตาราง ({Where(raw.Format, all[layout.HeaderIndex].Position)}) แต่ไม่พบมาตรการในตารางใต้หัวตาราง กรุณาตรวจว่าไฟล์มีแถวมาตรการอยู่ในตารางเดียวกับหัวตาราง");
        }

        var text = otherText + string.Concat(all.SelectMany(r => r.Cells).SelectMany(c => c));
        var thaiDigits = text.Count(c => c is >= '๐' and <= '๙') > text.Count(char.IsAsciiDigit);
        return new ParsedReport(fiscalYear, rows, items, notices, thaiDigits);
    }

    /// <summary>
    /// Finds the header: a row whose first cell (or second, after a "ที่" column) is "มาตรการ/แนวทาง", with the six
    /// columns on that row or spread over it and the next (a two-row header with merged cells).
    /// </summary>
    private static Layout FindLayout(List<RawRow> rows, RawReport raw)
    {
        var expected = ReportBuilder.ResultsHeaders;
        for (var i = 0; i < rows.Count; i++)
        {
            if (HeaderOffset(rows[i].Cells) is not { } offset)
            {
                continue;
            }

            var first = HeaderCells(rows[i], offset);
            if (first.Count == ColumnCount && first.Zip(expected).All(p => Squeezed(p.First) == Squeezed(p.Second)))
            {
                return new Layout(i, 1, offset, first);
            }

            if (i + 1 < rows.Count)
            {
                var second = HeaderCells(rows[i + 1], offset);
                var combined = Enumerable.Range(0, ColumnCount).Select(c => HeaderCandidates(first, second, c).FirstOrDefault(h => Squeezed(h) == Squeezed(expected[c]))).ToList();
                if (combined.All(h => h is not null))
                {
                    return new Layout(i, 2, offset, combined!);
                }
            }

            var found = first.Where(h => h.Length > 0).ToList();
            throw new ImportFormatException(
                $"คอลัมน์ของตารางไม่ตรงกับแบบรายงานผล ต้องมี {ColumnCount} คอลัมน์: {string.Join(" · ", expected)} แต่พบ {found.Count} คอลัมน์ ({Where(raw.Format, rows[i].Position)}): {string.Join(" · ", found)}");
        }

        var firstData = rows.FirstOrDefault(r => r.Cells.Count(c => Joined(c).Length > 0) >= 2);
        var what = raw.Format switch
        {
            ImportFormat.Xlsx => $"ในแผ่นงานแรกของไฟล์ Excel พบข้อมูล {rows.Count} แถว",
            ImportFormat.Docx => rows.Count == 0 ? "ในเอกสาร Word ไม่มีตาราง" : $"ในเอกสาร Word พบตาราง {rows.Count} แถว",
            _ => rows.Count == 0 ? "ในไฟล์ไม่มีบรรทัดที่แบ่งช่องด้วยแท็บ (Tab)" : $"ในไฟล์พบบรรทัดที่แบ่งช่องด้วยแท็บ {rows.Count} แถว",
        };
        var example = firstData is null ? "" : $" แถวแรกที่มีข้อมูล ({Where(raw.Format, firstData.Position)}): \"{Shorten(RowText(firstData))}\"";
        throw new ImportFormatException(
            $"ไม่พบตารางมาตรการในไฟล์: {what} แต่ไม่มีแถวหัวตารางที่ขึ้นต้นด้วย \"{ReportBuilder.ResultsHeaders[0]}\"{example} " +
            $"ตารางต้องมีแถวหัวตาราง {ColumnCount} คอลัมน์: {string.Join(" · ", ReportBuilder.ResultsHeaders)} (จะมีคอลัมน์ \"ที่\" นำหน้าก็ได้)");
    }

    private static List<string> HeaderCells(RawRow row, int offset)
    {
        var cells = row.Cells.Skip(offset).Select(Joined).ToList();
        while (cells.Count > 0 && cells[^1].Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        return cells;
    }

    /// <summary>A column's header over two rows: the upper cell (merged down), the lower, or both read together.</summary>
    private static IEnumerable<string> HeaderCandidates(List<string> first, List<string> second, int column)
    {
        var upper = column < first.Count ? first[column] : "";
        var lower = column < second.Count ? second[column] : "";
        return [upper, lower, $"{upper} {lower}"];
    }

    /// <summary>0 when the row starts with the header's first column, 1 after a numbering column ("ที่"), else null.</summary>
    private static int? HeaderOffset(IReadOnlyList<IReadOnlyList<string>> cells)
    {
        var first = Squeezed(ReportBuilder.ResultsHeaders[0]);
        for (var i = 0; i < Math.Min(2, cells.Count); i++)
        {
            var text = Squeezed(Joined(cells[i]));
            if (text == first)
            {
                return i;
            }

            if (!NumberColumnHeaders.Any(h => string.Equals(Squeezed(h), text, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Whether the cells are the report's header row (its first cell, or its second after a "ที่" column).</summary>
    public static bool IsHeader(IReadOnlyList<IReadOnlyList<string>> cells) =>
        HeaderOffset(cells.Select(c => (IReadOnlyList<string>)c.SelectMany(HtmlText.Lines).ToList()).ToList()) is not null;

    private static bool LooksLikeData(RawRow row) => row.Cells.Count(c => Joined(c).Length > 0) >= 3;

    private static string RowText(RawRow row) => string.Join(" · ", row.Cells.Select(Joined).Where(c => c.Length > 0));

    private static string Where(ImportFormat format, int position) => format switch
    {
        ImportFormat.Xlsx => $"แถวที่ {position} ของแผ่นงาน",
        ImportFormat.Docx => $"แถวที่ {position} ของตารางในเอกสาร",
        _ => $"บรรทัดที่ {position}",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static ImportRow Interpret(RawRow row, int offset, int? fiscalYear, ImportFormat format)
    {
        var problems = new List<string>();
        if (InvisibleCharactersNotice(row) is { } notice)
        {
            problems.Add(notice);
        }

        var all = row.Cells.Select(c => c.Select(Clean).Where(p => p.Length > 0).ToList()).ToList();
        var leading = offset > 0 && all.Count > 0 ? string.Join(' ', all[0]) : null;
        var cells = all.Skip(offset).ToList();
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
        string? numberMark = null;
        if (NumberPrefix().Match(titleText) is { Success: true } numbered)
        {
            number = int.Parse(ThaiNumerals.ToArabicDigits(numbered.Groups[1].Value), NumberStyles.None, CultureInfo.InvariantCulture);
            numberMark = Mark(numbered);
            titleText = numbered.Groups[2].Value;
        }
        else if (leading is not null && LeadingNumber().Match(leading) is { Success: true } column)
        {
            // The number is in the table's "ที่" column.
            number = int.Parse(ThaiNumerals.ToArabicDigits(column.Groups[1].Value), NumberStyles.None, CultureInfo.InvariantCulture);
            numberMark = leading;
        }
        else if (titleText.Length > 0)
        {
            problems.Add("มาตรการไม่มีเลขลำดับ ระบบจะให้เลขลำดับถัดไปที่ว่างในปีงบประมาณ");
        }

        if (titleText.Length == 0)
        {
            problems.Add("ไม่มีชื่อมาตรการ/แนวทาง จึงไม่นำเข้าแถวนี้");
            blocking = true;
        }

        var (steps, stepMarks) = Points(cells[1], "ขั้นตอน", problems);
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
        else if (periodText.Length == 0)
        {
            problems.Add("ไม่มีระยะเวลาดำเนินการ ระบบจะบันทึกเป็นตลอดปีงบประมาณ (ตุลาคม–กันยายน) แก้ไขได้ภายหลัง");
        }
        else
        {
            problems.Add($"อ่านระยะเวลาดำเนินการ \"{periodText}\" เป็นช่วงเดือนไม่ได้ ระบบจะบันทึกเป็นตลอดปีงบประมาณ (ตุลาคม–กันยายน) และเก็บข้อความเดิมไว้คู่กัน แก้ไขได้ภายหลัง");
        }

        if (periodText.Length > Domain.Measures.MeasureLimits.PeriodTextMaxLength)
        {
            problems.Add($"ข้อความระยะเวลายาวเกิน {Domain.Measures.MeasureLimits.PeriodTextMaxLength:N0} ตัวอักษร จะเก็บเฉพาะ {Domain.Measures.MeasureLimits.PeriodTextMaxLength:N0} ตัวอักษรแรก");
        }

        var (results, resultMarks) = Points(cells[4], "สรุปผลการดำเนินการ", problems);
        var outcome = string.Join(' ', cells[5]);
        if (cells[5].Count > 1)
        {
            problems.Add($"ผลลัพธ์/ความสำเร็จมี {cells[5].Count} ย่อหน้า จะรวมเป็นย่อหน้าเดียว");
        }

        return new ImportRow(row.Position, number, titleText, steps, unitsText, SplitUnits(unitsText), periodText,
            fromYear, fromMonth, toYear, toMonth, results, outcome.Length == 0 ? null : outcome, problems, blocking,
            numberMark, stepMarks, resultMarks);
    }

    /// <summary>"๑." of "๑. การประชาสัมพันธ์", "(1)" of "(1) ขั้นแรก".</summary>
    private static string Mark(System.Text.RegularExpressions.Match numbered) =>
        numbered.Value[..(numbered.Length - numbered.Groups[2].Length)].Trim();

    /// <summary>
    /// Numbered points without their numbers. A paragraph without a number after a numbered one continues it (a point
    /// that was broken over two paragraphs).
    /// </summary>
    private static (List<string> Points, List<string> Marks) Points(List<string> paragraphs, string column, List<string> problems)
    {
        var points = new List<(string Text, string Mark)>();
        var joined = 0;
        foreach (var paragraph in paragraphs)
        {
            if (NumberPrefix().Match(paragraph) is { Success: true } m)
            {
                points.Add((m.Groups[2].Value, Mark(m)));
            }
            else if (points.Count > 0 && NumberPrefix().IsMatch(paragraphs[0]))
            {
                points[^1] = ($"{points[^1].Text} {paragraph}", points[^1].Mark);
                joined++;
            }
            else
            {
                points.Add((paragraph, ""));
            }
        }

        if (joined > 0)
        {
            problems.Add($"{column}มีย่อหน้าที่ไม่มีเลขข้อ {joined} ย่อหน้า จึงต่อท้ายข้อก่อนหน้า กรุณาตรวจว่าถูกต้อง");
        }

        var kept = points.Where(p => p.Text.Length > 0).ToList();
        return (kept.Select(p => p.Text).ToList(), kept.Select(p => p.Mark).ToList());
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

    /// <summary>
    /// The ITA items the document cites: "คู่มือการประเมิน… พ.ศ. ๒๕๖๗ … ข้อ ๐๓๕ …" → "2567/O35" (the seed writes the O of
    /// O35 as a zero), "2567/O35" as the platform writes it, and a title line's codes ("ข้อการประเมิน ITA พ.ศ. ๒๕๖๙: O35,
    /// O36"; only lines that name the ITA), whose manual year is the line's year — or, when the line names none, the year after the fiscal year (the
    /// assessment that reads the report), with a notice.
    /// </summary>
    private static (List<string> Items, List<string> Notices) CitedItems(string text, int? fiscalYear)
    {
        var arabic = ThaiNumerals.ToArabicDigits(text);
        var items = CitationPattern().Matches(arabic)
            .Select(m => Item(m.Groups[1].Value, m.Groups[2].Value))
            .Concat(ReferencePattern().Matches(arabic).Select(m => Item(m.Groups[1].Value, m.Groups[2].Value)))
            .ToList();
        var notices = new List<string>();
        foreach (var line in arabic.Split('\n'))
        {
            // Only a title line that names the ITA cites by bare code: prose such as "…นำข้อมูลเดิมในข้อ O42 … มาใช้ตอบ
            // ตัวชี้วัดข้อ O35 … ตามคู่มือการประเมิน ITA ปี พ.ศ. 2567" (the seed's and our documents' wording) mentions
            // codes of several years in one sentence, and its items are cited properly elsewhere.
            var codes = line.Contains("ITA", StringComparison.OrdinalIgnoreCase) && line.Trim().Length <= MaxTitleLineLength
                ? CodePattern().Matches(ReferencePattern().Replace(line, "")).ToList()
                : [];
            if (codes.Count == 0)
            {
                continue;
            }

            var years = YearPattern().Matches(line).Select(m => m.Value).ToList();
            var year = years.Count > 0 ? years[^1] : (fiscalYear + 1)?.ToString(CultureInfo.InvariantCulture);
            if (year is null)
            {
                continue;
            }

            var found = codes.Select(c => Item(year, c.Groups[1].Value)).ToList();
            items.AddRange(found);
            if (years.Count == 0)
            {
                notices.Add($"เอกสารอ้างถึงข้อ {string.Join(", ", found.Select(f => f.Split('/')[1]))} โดยไม่ระบุปีของคู่มือการประเมิน จึงถือเป็นคู่มือปี พ.ศ. {year} (ปีถัดจากปีงบประมาณ) แก้ไขได้ภายหลัง");
            }
        }

        return (items.Distinct().ToList(), notices);
    }

    /// <summary>Longer lines are prose, not a title line listing item codes.</summary>
    private const int MaxTitleLineLength = 160;

    private static string Item(string year, string code) =>
        FormattableString.Invariant($"{year}/O{int.Parse(code, CultureInfo.InvariantCulture)}");

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

    [GeneratedRegex(@"\b(25\d\d)\s*/\s*[Oo](\d{1,2})\b")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[Oo]\s?(\d{1,2})(?![0-9])")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"(?<![0-9])25\d\d(?![0-9])")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^\(?\s*([๐-๙0-9]{1,3})\s*[\.\)]?\s*$")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"ปีงบประมาณ\s*(?:พ\.ศ\.)?\s*(25\d\d)")]
    private static partial Regex FiscalYearPattern();
}
