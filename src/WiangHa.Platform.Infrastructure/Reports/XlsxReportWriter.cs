using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WiangHa.Platform.Infrastructure.Reports;

/// <summary>
/// Writes the document's table as XLSX an office can print as it is: title rows (the LAO, the document, the fiscal
/// year, the ITA items) above the header row, one row per measure with the paragraphs of a cell on separate lines,
/// TH Sarabun New, set column widths with wrapping, the header row bold, frozen and repeated on every printed page,
/// A4 landscape fitted to the page width.
/// </summary>
public static class XlsxReportWriter
{
    public const string SheetName = "มาตรการ";

    /// <summary>Excel's width unit is about one digit of the default font; the model's widths are percentages.</summary>
    private const double CharactersPerPercent = 1.7;

    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint BodyStyle = 3;

    public static byte[] ToBytes(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var table = document.Table;
        var titles = document.SheetTitles ?? [];
        var strings = new SharedStrings();
        var data = new SheetData();
        uint rowIndex = 0;
        foreach (var title in titles)
        {
            data.Append(Row(++rowIndex, [title], TitleStyle, strings));
        }

        var headerRow = ++rowIndex;
        // Headers broken between words (Excel breaks Thai anywhere): "ระยะเวลา" / "ดำเนินการ".
        data.Append(Row(headerRow, Enumerable.Range(0, table.Headers.Count).Select(i => string.Join("\n", table.LinesOf(i))).ToList(), HeaderStyle, strings));
        foreach (var row in table.Rows)
        {
            var values = Enumerable.Range(0, table.Headers.Count).Select(i => i < row.Count ? string.Join("\n", row[i]) : "").ToList();
            data.Append(Row(++rowIndex, values, BodyStyle, strings));
        }

        var lastColumn = Column(table.Headers.Count - 1);
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = strings.Table;

            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var worksheet = new Worksheet(
                new SheetProperties(new PageSetupProperties { FitToPage = true }),
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = headerRow, TopLeftCell = $"A{headerRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft })
                { WorkbookViewId = 0 }),
                new Columns(table.ColumnWidths.Select((w, i) => new Column
                {
                    Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Round(w * CharactersPerPercent, 1), CustomWidth = true,
                })),
                data);
            if (titles.Count > 0)
            {
                worksheet.Append(new MergeCells(titles.Select((_, i) => new MergeCell { Reference = $"A{i + 1}:{lastColumn}{i + 1}" })));
            }

            worksheet.Append(
                new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
                new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 },
                new HeaderFooter(new OddFooter("&Cหน้า &P / &N")));
            sheetPart.Worksheet = worksheet;

            workbook.Workbook = new Workbook(
                new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }),
                new DefinedNames(new DefinedName($"'{SheetName}'!${headerRow}:${headerRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, List<string> values, uint style, SharedStrings strings)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            row.Append(new Cell
            {
                CellReference = $"{Column(i)}{index}",
                DataType = CellValues.SharedString,
                CellValue = new CellValue(strings.IndexOf(XmlSafeText.Clean(values[i])).ToString(CultureInfo.InvariantCulture)),
                StyleIndex = style,
            });
        }

        return row;
    }

    private static string Column(int index) => ((char)('A' + index)).ToString();

    /// <summary>0 default, 1 title (bold 16 pt), 2 header (bold, shaded, bordered, centred, wrapped), 3 body (bordered, wrapped, top).</summary>
    private static Stylesheet Styles()
    {
        static Font Font(double size, bool bold)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = size }, new FontName { Val = DocxReportWriter.FontName }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 222 });
            return font;
        }

        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new RightBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new TopBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new BottomBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } },
            new DiagonalBorder());
        return new Stylesheet(
            new Fonts(Font(14, false), Font(16, true), Font(14, true)) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0 },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center })
                { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { FontId = 2, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Left, Vertical = VerticalAlignmentValues.Top, WrapText = true })
                { FontId = 0, FillId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true })
            { Count = 4 });
    }

    /// <summary>The workbook's shared strings, each text stored once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public SharedStringTable Table { get; } = new();

        public int IndexOf(string text)
        {
            if (!_index.TryGetValue(text, out var index))
            {
                index = _index.Count;
                _index[text] = index;
                Table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return index;
        }
    }
}
