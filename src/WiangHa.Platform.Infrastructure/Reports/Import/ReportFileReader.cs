using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Infrastructure.Reports.Import;

/// <summary>A file that cannot be imported at all; <see cref="Exception.Message"/> is the Thai reason for the clerk.</summary>
public sealed class ImportFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The rows of a report's table as found in a file (header rows included), each cell as its paragraphs.</summary>
public sealed record RawReport(ImportFormat Format, IReadOnlyList<RawRow> Rows, string OtherText);

/// <param name="Position">Line (text), row (XLSX) or table row (DOCX) number, 1-based, for messages.</param>
public sealed record RawRow(int Position, IReadOnlyList<IReadOnlyList<string>> Cells);

/// <summary>
/// Reads the three formats a report comes in: the seed's text (tab-separated rows whose cells hold &lt;p&gt;
/// paragraphs, a row possibly broken over several lines), a DOCX with the table, an XLSX of the table. Every reader
/// stays inside <see cref="UploadBudget.OfficeFile"/>: the zip is measured before it is opened, and elements and rows
/// are counted while streaming, so a small file that expands to millions of rows is refused before it is built.
/// </summary>
public static partial class ReportFileReader
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <param name="cancellationToken">Also the parse-time budget: the caller cancels it when the time is up.</param>
    public static RawReport Read(string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            throw new ImportFormatException("ไฟล์ว่างเปล่า ไม่มีข้อมูลให้นำเข้า");
        }

        if (content.Length > MaxBytes)
        {
            throw new ImportFormatException(TooLargeMessage);
        }

        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var isZip = content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        if (Refusal(extension, content, isZip) is { } refusal)
        {
            throw new ImportFormatException(refusal);
        }

        return extension switch
        {
            ".docx" => ReadDocx(content, cancellationToken),
            ".xlsx" => ReadXlsx(content, cancellationToken),
            _ => ReadText(content, cancellationToken),
        };
    }

    /// <summary>What the clerk is told expected files look like, after what was found.</summary>
    public const string Expected = "ระบบรับไฟล์ Word (.docx), Excel (.xlsx) หรือไฟล์ข้อความ (.txt) ที่มีตารางมาตรการ ๖ คอลัมน์";

    /// <summary>
    /// Says what a file that cannot be read is and what to do with it — by its first bytes as well as its name, since a
    /// renamed file says nothing true in its name. Null when the reader should try it.
    /// </summary>
    private static string? Refusal(string extension, byte[] content, bool isZip)
    {
        var found = Sniff(content, isZip);
        return (extension, found) switch
        {
            (".docx" or ".xlsx", "zip") => null,
            (".docx", _) => $"ไฟล์ .docx นี้ไม่ใช่เอกสาร Word ที่ถูกต้อง (พบว่าเป็น{found}) ไฟล์อาจเสียหายหรือถูกเปลี่ยนนามสกุล กรุณาเปิดใน Word แล้วบันทึกเป็น .docx อีกครั้ง",
            (".xlsx", _) => $"ไฟล์ .xlsx นี้ไม่ใช่ไฟล์ Excel ที่ถูกต้อง (พบว่าเป็น{found}) ไฟล์อาจเสียหายหรือถูกเปลี่ยนนามสกุล กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx อีกครั้ง",
            (".doc" or ".xls", _) or (_, "ไฟล์ Word/Excel รุ่นเก่า (.doc/.xls)") =>
                $"ไฟล์นี้เป็นไฟล์ Word/Excel รุ่นเก่า ({(extension.Length > 0 ? extension : ".doc/.xls")}) ซึ่งระบบอ่านไม่ได้ {Expected} กรุณาเปิดไฟล์ใน Word หรือ Excel แล้วเลือก \"บันทึกเป็น\" .docx หรือ .xlsx แล้วนำเข้าอีกครั้ง",
            (".pdf", _) or (_, "ไฟล์ PDF") =>
                $"ไฟล์นี้เป็น PDF ซึ่งระบบอ่านตารางจากไฟล์ PDF ไม่ได้ {Expected} กรุณาใช้ไฟล์ Word หรือ Excel ต้นฉบับที่ใช้ทำ PDF นี้",
            (".htm" or ".html", _) or (_, "หน้าเว็บ (HTML)") =>
                $"ไฟล์นี้เป็นหน้าเว็บ (HTML) ซึ่งระบบไม่รับ {Expected} กรุณาเปิดหน้าเว็บ คัดลอกตารางไปวางใน Word หรือ Excel แล้วบันทึกเป็น .docx หรือ .xlsx",
            (".rtf", _) or (_, "ไฟล์ RTF") =>
                $"ไฟล์นี้เป็น RTF ซึ่งระบบอ่านไม่ได้ {Expected} กรุณาเปิดใน Word แล้วบันทึกเป็น .docx",
            (".odt" or ".ods", _) =>
                $"ไฟล์นี้เป็นเอกสาร OpenDocument ({extension}) ซึ่งระบบอ่านไม่ได้ {Expected} กรุณาเปิดใน LibreOffice แล้วบันทึกเป็น .docx หรือ .xlsx",
            (_, "zip") => $"ไม่รู้จักรูปแบบไฟล์นี้ (ไฟล์บีบอัด {(extension.Length > 0 ? extension : "ไม่มีนามสกุล")}) {Expected}",
            _ => null,
        };
    }

    private static string Sniff(byte[] content, bool isZip)
    {
        if (isZip)
        {
            return "zip";
        }

        if (content.Length >= 4 && content[0] == 0xD0 && content[1] == 0xCF && content[2] == 0x11 && content[3] == 0xE0)
        {
            return "ไฟล์ Word/Excel รุ่นเก่า (.doc/.xls)";
        }

        var head = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("%PDF", StringComparison.Ordinal))
        {
            return "ไฟล์ PDF";
        }

        if (head.StartsWith("{\\rtf", StringComparison.Ordinal))
        {
            return "ไฟล์ RTF";
        }

        return HtmlPage().IsMatch(head) ? "หน้าเว็บ (HTML)" : "ไฟล์ชนิดอื่น";
    }

    public static ImportFormat FormatOf(string fileName, byte[] content) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".docx" => ImportFormat.Docx,
        ".xlsx" => ImportFormat.Xlsx,
        _ => ImportFormat.ParagraphText,
    };

    public static readonly string TooLargeMessage = $"ไฟล์มีขนาดใหญ่เกิน {MaxBytes / 1024 / 1024} MB กรุณาตัดรูปภาพออกหรือแยกไฟล์ก่อนนำเข้า";

    private static RawReport ReadText(byte[] content, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw new ImportFormatException("ไฟล์นี้ไม่ใช่ไฟล์ข้อความ UTF-8 และไม่ใช่ .docx หรือ .xlsx จึงอ่านไม่ได้", e);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ImportFormatException("ไฟล์นี้เป็นไฟล์ไบนารี ไม่ใช่ไฟล์ข้อความ .docx หรือ .xlsx จึงอ่านไม่ได้");
        }

        var reader = new TextRows(cancellationToken);
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            reader.Add(line);
        }

        return reader.Finish();
    }

    /// <summary>
    /// Reads the seed's text format line by line. A row is tab-separated cells that may be broken over several lines
    /// (a line wrap inside a cell); a line without a tab is document text — except that a row's first cell may itself
    /// start on the line before (an open &lt;p&gt;, or a line directly above the row once the table has begun). Before
    /// the table's header, a line with a tab but no &lt;p&gt; is a title line ("ปีงบประมาณ พ.ศ. ๒๕๖๖⇥(รอบ ๑๒ เดือน)"),
    /// not the start of a row that would swallow the header.
    /// </summary>
    private sealed class TextRows(CancellationToken cancellationToken)
    {
        private readonly List<RawRow> rows = [];
        private readonly StringBuilder other = new();
        private readonly StringBuilder pending = new();
        private readonly List<string> carry = [];
        private int lineNumber;
        private int pendingStart;
        private bool headerSeen;

        public void Add(string line)
        {
            if (lineNumber++ % 256 == 0)
            {
                // A long unclosed paragraph makes each line re-scan the pending row: bounded by the time budget.
                cancellationToken.ThrowIfCancellationRequested();
            }

            var hasTab = line.Contains('\t', StringComparison.Ordinal);
            var isHeader = hasTab && ReportTableInterpreter.IsHeader(SplitTextRow(line));
            if (pending.Length == 0)
            {
                if (!hasTab)
                {
                    StartOrCarry(line);
                    return;
                }

                if (!isHeader && !headerSeen && !line.Contains("<p", StringComparison.OrdinalIgnoreCase))
                {
                    FlushCarry();
                    other.AppendLine(line);
                    return;
                }

                pendingStart = lineNumber;
                if (carry.Count > 0 && headerSeen && !isHeader)
                {
                    // The row's first cell began on the lines above: they are the start of its title.
                    pendingStart -= carry.Count;
                    pending.AppendJoin(' ', carry).Append(' ');
                    carry.Clear();
                }

                FlushCarry();
            }
            else if (isHeader || (ParagraphsClosed(pending.ToString()) && line.TrimStart().StartsWith("<p", StringComparison.OrdinalIgnoreCase) && IsCompleteRow(line)))
            {
                // The pending row was short, not broken: the next line is a whole row (or a header) of its own.
                AddPending();
                pendingStart = lineNumber;
            }
            else
            {
                // A row broken over several lines: the break was only a line wrap inside a cell.
                pending.Append(' ');
            }

            headerSeen |= isHeader;
            pending.Append(line);
            if (IsCompleteRow(pending.ToString()))
            {
                AddPending();
            }
        }

        public RawReport Finish()
        {
            if (pending.Length > 0)
            {
                AddPending();
            }

            FlushCarry();
            return new RawReport(ImportFormat.ParagraphText, rows, other.ToString());
        }

        /// <summary>A line without a tab: document text, or possibly the first line of a row's first cell.</summary>
        private void StartOrCarry(string line)
        {
            if (line.TrimStart().StartsWith("<p", StringComparison.OrdinalIgnoreCase) && !ParagraphsClosed(line))
            {
                FlushCarry();
                pendingStart = lineNumber;
                pending.Append(line);
            }
            else if (headerSeen && line.Trim().Length > 0)
            {
                carry.Add(line);
            }
            else
            {
                FlushCarry();
                other.AppendLine(line);
            }
        }

        private void FlushCarry()
        {
            foreach (var line in carry)
            {
                other.AppendLine(line);
            }

            carry.Clear();
        }

        private void AddPending()
        {
            rows.Add(new RawRow(pendingStart, SplitTextRow(pending.ToString())));
            pending.Clear();
        }
    }

    /// <summary>Complete when it has the six cells of the report and no paragraph is left open.</summary>
    private static bool IsCompleteRow(string row) =>
        row.Count(c => c == '\t') + 1 >= ReportTableInterpreter.ColumnCount && ParagraphsClosed(row);

    private static bool ParagraphsClosed(string row) =>
        Regex.Count(row, "<p[ >]", RegexOptions.IgnoreCase) <= Regex.Count(row, "</p>", RegexOptions.IgnoreCase);

    private static List<IReadOnlyList<string>> SplitTextRow(string row) =>
        row.Split('\t').Select(cell => (IReadOnlyList<string>)CellParagraphs(cell)).ToList();

    /// <summary>
    /// The &lt;p&gt; paragraphs of a cell, the whole cell when it has none; the markup inside them is left to
    /// <see cref="HtmlText"/>, which the interpreter applies to every format.
    /// </summary>
    internal static List<string> CellParagraphs(string cell)
    {
        var matches = ParagraphPattern().Matches(cell);
        return matches.Count > 0 ? matches.Select(m => m.Groups[1].Value).ToList() : [cell];
    }

    private static RawReport ReadDocx(byte[] content, CancellationToken cancellationToken)
    {
        var budget = UploadBudget.OfficeFile;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            budget.Check(stream, cancellationToken);
            using var document = WordprocessingDocument.Open(stream, isEditable: false, new DocumentFormat.OpenXml.Packaging.OpenSettings { MaxCharactersInPart = budget.MaxCharactersInPart });
            var main = document.MainDocumentPart
                ?? throw new ImportFormatException("ไฟล์ .docx นี้ไม่มีเนื้อหาเอกสาร Word (ไม่ใช่เอกสาร Word ที่ถูกต้อง)");
            CountElements(main, budget, cancellationToken);
            var body = main.Document?.Body
                ?? throw new ImportFormatException("ไฟล์ .docx นี้ไม่มีเนื้อหาเอกสาร Word (ไม่ใช่เอกสาร Word ที่ถูกต้อง)");
            var rows = new List<RawRow>();
            var other = new StringBuilder();
            var position = 0;
            foreach (var element in WordText.Blocks(body))
            {
                if (element is Table table)
                {
                    RefuseNestedTables(table, position);
                    foreach (var cells in WordText.Rows(table))
                    {
                        rows.Add(new RawRow(++position, cells));
                    }
                }
                else
                {
                    other.AppendLine(string.Join('\n', WordText.Lines(element)));
                }
            }

            return new RawReport(ImportFormat.Docx, rows, other.ToString());
        }
        catch (UploadBudgetException e)
        {
            throw new ImportFormatException(e.Message, e);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or FormatException)
        {
            throw new ImportFormatException("เปิดไฟล์ .docx นี้ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่เอกสาร Word", e);
        }
    }

    /// <summary>
    /// A table inside a table cell cannot be read as the report's columns without guessing which of its cells belong
    /// where, so it is refused with where it is and how to undo it in Word.
    /// </summary>
    private static void RefuseNestedTables(Table table, int rowsBefore)
    {
        var rowNumber = 0;
        foreach (var row in WordText.TableRows(table))
        {
            rowNumber++;
            if (row.Descendants<Table>().FirstOrDefault() is not { } nested)
            {
                continue;
            }

            var first = string.Join(" ", row.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Take(1).SelectMany(WordText.Lines)).Trim();
            first = first.Length > 40 ? first[..40] + "…" : first;
            var nestedRows = WordText.TableRows(nested).Count();
            throw new ImportFormatException(
                $"พบตารางซ้อนอยู่ในช่องของตาราง (ตารางย่อย {nestedRows} แถว ในแถวที่ {rowsBefore + rowNumber} ของเอกสาร{(first.Length > 0 ? $" \"{first}\"" : "")}) " +
                "ระบบอ่านตารางซ้อนไม่ได้เพราะไม่รู้ว่าข้อความในตารางย่อยเป็นของคอลัมน์ใด " +
                "กรุณาเปิดไฟล์ใน Word คลิกในตารางย่อย แล้วเลือก เค้าโครง > แปลงเป็นข้อความ (หรือคัดลอกข้อความออกมาวางในช่องโดยตรง) บันทึก แล้วนำเข้าอีกครั้ง");
        }
    }

    /// <summary>
    /// Counts the body's elements with a streaming reader before the SDK builds its DOM (about 200 bytes an element):
    /// a part of a few MB of empty paragraphs would otherwise become gigabytes.
    /// </summary>
    private static void CountElements(MainDocumentPart main, UploadBudget budget, CancellationToken cancellationToken)
    {
        using var part = main.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(part, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            MaxCharactersInDocument = budget.MaxCharactersInPart,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        });
        int elements = 0, paragraphs = 0, rows = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (++elements % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // By local name only: transitional and strict Word use different namespaces for the same w:p and w:tr.
            if (reader.LocalName == "p")
            {
                paragraphs++;
            }
            else if (reader.LocalName == "tr")
            {
                rows++;
            }

            if (elements > budget.MaxElements || paragraphs > budget.MaxParagraphs || rows > budget.MaxRows)
            {
                throw new UploadBudgetException(budget.TooManyParagraphsMessage);
            }
        }
    }

    private static RawReport ReadXlsx(byte[] content, CancellationToken cancellationToken)
    {
        var budget = UploadBudget.OfficeFile;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            budget.Check(stream, cancellationToken);
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
            {
                if (zip.GetEntry("xl/workbook.xml") is null)
                {
                    throw new ImportFormatException("ไฟล์ .xlsx นี้ไม่ใช่ไฟล์ Excel ที่ถูกต้อง (ไม่มีสมุดงาน)");
                }
            }

            stream.Position = 0;
            var rows = new List<RawRow>();
            var position = 0;
            // MiniExcel yields one row at a time: the caps stop it before a sheet of millions of rows is read.
            // Merged cells read as Excel shows them: the value of a merged block is in every row and column it covers.
            var configuration = new MiniExcelLibs.OpenXml.OpenXmlConfiguration { FillMergedCells = true };
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, configuration: configuration))
            {
                if (++position > budget.MaxScannedRows)
                {
                    throw new UploadBudgetException(budget.TooManyRowsMessage);
                }

                if (position % 256 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var cells = row.Values
                    .Select(v => (IReadOnlyList<string>)(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList())
                    .ToList();
                // Empty rows are skipped by the interpreter anyway; not keeping them keeps memory to the rows with data.
                if (cells.All(c => c.All(p => p.Length == 0)))
                {
                    continue;
                }

                if (rows.Count >= budget.MaxRows)
                {
                    throw new UploadBudgetException(budget.TooManyRowsMessage);
                }

                rows.Add(new RawRow(position, cells));
            }

            return new RawReport(ImportFormat.Xlsx, rows, "");
        }
        catch (ImportFormatException)
        {
            throw;
        }
        catch (UploadBudgetException e)
        {
            throw new ImportFormatException(e.Message, e);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // MiniExcel throws many kinds of exception for a damaged workbook; each means the same to the clerk.
            throw new ImportFormatException("เปิดไฟล์ .xlsx นี้ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ Excel", e);
        }
    }

    [GeneratedRegex("<p(?:\\s[^>]*)?>(.*?)</p>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex(@"^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<table[\s>]|<meta[\s>])", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlPage();
}
