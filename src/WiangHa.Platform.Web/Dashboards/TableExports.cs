using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace WiangHa.Platform.Web.Dashboards;

/// <summary>
/// Writes an <see cref="ExportTable"/> as a file a Thai office opens in Excel: CSV (UTF-8 with a BOM, so Excel reads
/// the Thai; RFC 4180 quoting) or XLSX (MiniExcel; numbers stay numbers). Both defuse text that looks like a formula.
/// </summary>
public static class TableExports
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlySet<string> Formats = new HashSet<string>(StringComparer.Ordinal) { "csv", "xlsx" };

    public static string ContentType(string format) => format == "csv" ? CsvType : XlsxType;

    public static byte[] ToBytes(ExportTable table, string format) => format == "csv" ? ToCsv(table) : ToXlsx(table);

    public static byte[] ToCsv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        AppendRecord(text, table.Headers);
        foreach (var row in table.Rows)
        {
            AppendRecord(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] ToXlsx(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        // MiniExcel takes the columns from the first row; an empty table still gets its header row.
        var rows = table.Rows.Count == 0 ? [table.Headers.Select(_ => (object?)null).ToList()] : table.Rows;
        var records = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                var cell = i < row.Count ? row[i] : null;
                record[table.Headers[i]] = cell is string text ? Defuse(text) : cell;
            }

            return record;
        }).ToList();

        using var stream = new MemoryStream();
        stream.SaveAs(records, printHeader: true, sheetName: table.SheetName);
        return stream.ToArray();
    }

    /// <summary>
    /// A text cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage return) gets a
    /// leading apostrophe, so an LAO's name can never become a formula on a supervisor's machine (CSV injection; in
    /// XLSX too, where the text cell would turn into a formula once someone edits it). Numbers are never changed.
    /// </summary>
    public static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static void AppendRecord(StringBuilder text, IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            text.Append(Field(cell));
        }

        // RFC 4180: records end with CRLF.
        text.Append("\r\n");
    }

    private static string Field(object? cell) => cell switch
    {
        null => "",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(Defuse(cell.ToString() ?? "")),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
