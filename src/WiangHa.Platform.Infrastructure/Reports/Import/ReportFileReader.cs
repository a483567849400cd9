using System.IO.Compression;
using System.Net;
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
        return extension switch
        {
            ".docx" when isZip => ReadDocx(content, cancellationToken),
            ".docx" => throw new ImportFormatException("ไฟล์ .docx นี้ไม่ใช่เอกสาร Word ที่ถูกต้อง (ไฟล์อาจเสียหายหรือถูกเปลี่ยนนามสกุล)"),
            ".xlsx" when isZip => ReadXlsx(content, cancellationToken),
            ".xlsx" => throw new ImportFormatException("ไฟล์ .xlsx นี้ไม่ใช่ไฟล์ Excel ที่ถูกต้อง (ไฟล์อาจเสียหายหรือถูกเปลี่ยนนามสกุล)"),
            ".doc" or ".xls" => throw new ImportFormatException("ระบบรับเฉพาะไฟล์ Word/Excel รุ่นใหม่ (.docx, .xlsx) กรุณาบันทึกไฟล์เป็น .docx หรือ .xlsx แล้วนำเข้าอีกครั้ง"),
            _ when isZip => throw new ImportFormatException("ไม่รู้จักรูปแบบไฟล์นี้ กรุณาใช้ไฟล์ .docx, .xlsx หรือไฟล์ข้อความ (.txt)"),
            _ => ReadText(content, cancellationToken),
        };
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

        var rows = new List<RawRow>();
        var other = new StringBuilder();
        var pending = new StringBuilder();
        var pendingStart = 0;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i % 256 == 0)
            {
                // A long unclosed paragraph makes each line re-scan the pending row: bounded by the time budget.
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (pending.Length == 0)
            {
                if (!line.Contains('\t', StringComparison.Ordinal))
                {
                    other.AppendLine(line);
                    continue;
                }

                pendingStart = i + 1;
            }
            else if (ParagraphsClosed(pending.ToString()) && line.TrimStart().StartsWith("<p", StringComparison.OrdinalIgnoreCase) && IsCompleteRow(line))
            {
                // The pending row was short, not broken: the next line is a whole row of its own.
                rows.Add(new RawRow(pendingStart, SplitTextRow(pending.ToString())));
                pending.Clear();
                pendingStart = i + 1;
            }
            else
            {
                // A row broken over several lines: the break was only a line wrap inside a cell.
                pending.Append(' ');
            }

            pending.Append(line);
            if (IsCompleteRow(pending.ToString()))
            {
                rows.Add(new RawRow(pendingStart, SplitTextRow(pending.ToString())));
                pending.Clear();
            }
        }

        if (pending.Length > 0)
        {
            rows.Add(new RawRow(pendingStart, SplitTextRow(pending.ToString())));
        }

        return new RawReport(ImportFormat.ParagraphText, rows, other.ToString());
    }

    /// <summary>Complete when it has the six cells of the report and no paragraph is left open.</summary>
    private static bool IsCompleteRow(string row) =>
        row.Count(c => c == '\t') + 1 >= ReportTableInterpreter.ColumnCount && ParagraphsClosed(row);

    private static bool ParagraphsClosed(string row) =>
        Regex.Count(row, "<p[ >]", RegexOptions.IgnoreCase) <= Regex.Count(row, "</p>", RegexOptions.IgnoreCase);

    private static List<IReadOnlyList<string>> SplitTextRow(string row) =>
        row.Split('\t').Select(cell => (IReadOnlyList<string>)CellParagraphs(cell)).ToList();

    /// <summary>The &lt;p&gt; paragraphs of a cell (other tags dropped, entities decoded); the whole cell when it has none.</summary>
    internal static List<string> CellParagraphs(string cell)
    {
        var matches = ParagraphPattern().Matches(cell);
        var parts = matches.Count > 0 ? matches.Select(m => m.Groups[1].Value) : [cell];
        return parts.Select(p => WebUtility.HtmlDecode(Tag().Replace(p, " "))).ToList();
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
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
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
                    .Select(v => (IReadOnlyList<string>)(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").Split('\n').ToList())
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

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
