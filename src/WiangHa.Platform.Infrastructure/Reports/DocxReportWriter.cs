using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WiangHa.Platform.Infrastructure.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as DOCX: A4 portrait, TH Sarabun New 16 pt (the government document font;
/// the font table names Laksaman, its free twin, as the substitute), the table's header row repeated on every page.
/// </summary>
public static class DocxReportWriter
{
    public const string FontName = "TH Sarabun New";
    public const string FallbackFontName = "Laksaman";

    // Half-points: 16 pt body, 14 pt in tables, as Thai official documents use with TH Sarabun.
    private const string BodySize = "32";
    private const string TableSize = "28";

    // A4 in twentieths of a point, with 2.54 cm / 1.9 cm margins.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1080;

    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        AddStyles(main);
        AddFontTable(main);

        var body = new Body();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case TitleLine title:
                    body.Append(TextParagraph(title.Text, title.Bold, JustificationValues.Center, spaceBefore: title.SpaceBefore ? 240 : 0));
                    break;
                case Paragraph paragraph:
                    body.Append(TextParagraph(paragraph.Text, paragraph.Bold, JustificationValues.Both, indent: paragraph.Indent, firstLine: paragraph.Indent == 0 && !paragraph.Bold));
                    break;
                case TableBlock table:
                    body.Append(Table(table));
                    body.Append(new W.Paragraph());
                    break;
                case SignatureBlock signature:
                    AppendSignature(body, signature);
                    break;
            }
        }

        body.Append(new SectionProperties(
            new W.PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = 1440, Bottom = Margin, Left = (UInt32Value)(uint)Margin, Right = (UInt32Value)(uint)Margin, Header = 720, Footer = 720, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    public static byte[] ToBytes(ReportDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(), new FontSize { Val = BodySize }, new FontSizeComplexScript { Val = BodySize },
                    new Languages { Val = "th-TH", Bidi = "th-TH", EastAsia = "th-TH" })),
                new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })));
        styles.Styles.Save();
    }

    private static void AddFontTable(MainDocumentPart main)
    {
        var fonts = main.AddNewPart<FontTablePart>();
        fonts.Fonts = new W.Fonts(
            new Font(new AltName { Val = FallbackFontName }, new FontCharSet { Val = "DE" }, new FontFamily { Val = FontFamilyValues.Swiss },
                new Pitch { Val = FontPitchValues.Variable })
            { Name = FontName });
        fonts.Fonts.Save();
    }

    private static RunFonts Fonts() => new() { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName };

    private static RunProperties RunProps(bool bold, string size)
    {
        var props = new RunProperties(Fonts());
        if (bold)
        {
            props.Append(new Bold(), new BoldComplexScript());
        }

        props.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        return props;
    }

    private static W.Paragraph TextParagraph(string text, bool bold, JustificationValues justification, int indent = 0, bool firstLine = false, int spaceBefore = 0, string size = BodySize)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), After = "0" }, new Justification { Val = justification });
        if (indent > 0 || firstLine)
        {
            props.Append(new Indentation { Left = (indent * 720).ToString(System.Globalization.CultureInfo.InvariantCulture), FirstLine = firstLine ? "720" : null });
        }

        return new W.Paragraph(props, new Run(RunProps(bold, size), new Text(XmlSafeText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Table(TableBlock block)
    {
        var usable = PageWidth - 2 * Margin;
        var total = block.ColumnWidths.Sum();
        var widths = block.ColumnWidths.Select(w => usable * w / total).ToList();
        var border = (uint)4;
        var table = new Table(new TableProperties(
            new TableWidth { Width = usable.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = border }, new BottomBorder { Val = BorderValues.Single, Size = border },
                new LeftBorder { Val = BorderValues.Single, Size = border }, new RightBorder { Val = BorderValues.Single, Size = border },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = border }, new InsideVerticalBorder { Val = BorderValues.Single, Size = border }),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        // The header row repeats at the top of every page the table runs onto, and never splits.
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < block.Headers.Count; i++)
        {
            header.Append(Cell([block.Headers[i]], widths[i], bold: true, shaded: true));
        }

        table.Append(header);
        foreach (var row in block.Rows)
        {
            var tr = new TableRow();
            for (var i = 0; i < block.Headers.Count; i++)
            {
                tr.Append(Cell(i < row.Count ? row[i] : [], widths[i], bold: false, shaded: false));
            }

            table.Append(tr);
        }

        return table;
    }

    private static TableCell Cell(IReadOnlyList<string> paragraphs, int width, bool bold, bool shaded)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shaded)
        {
            props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7E6E6", Color = "auto" }, new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        }

        var cell = new TableCell(props);
        var justification = bold ? JustificationValues.Center : JustificationValues.Left;
        if (paragraphs.Count == 0)
        {
            cell.Append(TextParagraph("", false, justification, size: TableSize));
        }

        foreach (var text in paragraphs)
        {
            cell.Append(TextParagraph(text, bold, justification, size: TableSize));
        }

        return cell;
    }

    private static void AppendSignature(Body body, SignatureBlock signature)
    {
        body.Append(TextParagraph("", false, JustificationValues.Left, spaceBefore: 480));
        body.Append(TextParagraph("ลงชื่อ ......................................................", false, JustificationValues.Center, indent: 4));
        body.Append(TextParagraph($"({(string.IsNullOrWhiteSpace(signature.Name) ? "......................................................" : signature.Name)})", false, JustificationValues.Center, indent: 4));
        if (!string.IsNullOrWhiteSpace(signature.Position))
        {
            body.Append(TextParagraph(signature.Position, false, JustificationValues.Center, indent: 4));
        }
    }
}
