using MiniExcelLibs;

namespace WiangHa.Platform.Infrastructure.Reports;

/// <summary>
/// Writes the document's table as XLSX: one header row with the report's column names, one row per measure, the
/// paragraphs of a cell on separate lines.
/// </summary>
public static class XlsxReportWriter
{
    public const string SheetName = "มาตรการ";

    public static byte[] ToBytes(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var table = document.Table;
        var rows = table.Rows.Select(row =>
        {
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            for (var i = 0; i < table.Headers.Count; i++)
            {
                values[table.Headers[i]] = i < row.Count ? XmlSafeText.Clean(string.Join("\n", row[i])) : "";
            }

            return values;
        }).ToList();

        if (rows.Count == 0)
        {
            // MiniExcel takes the columns from the first row; an empty year still gets its header row.
            rows.Add(table.Headers.ToDictionary(h => h, _ => (object)"", StringComparer.Ordinal));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: true, sheetName: SheetName);
        return stream.ToArray();
    }
}
