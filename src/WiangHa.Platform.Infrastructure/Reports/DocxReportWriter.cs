using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WiangHa.Platform.Infrastructure.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as DOCX as a Thai office lays it out: A4 portrait for the prose and landscape
/// for the six-column table (<see cref="SectionBreak"/>), a 3 cm left margin, TH Sarabun New 16 pt (14 pt in the table;
/// the font table names Laksaman, its free twin, as the substitute), page numbers "- ๒ -" at the top from the second
/// page on (Thai digits through the sections' page-number format), the table's header row repeated on every page, and
/// the signature block kept on one page.
/// </summary>
public static class DocxReportWriter
{
    public const string FontName = "TH Sarabun New";
    public const string FallbackFontName = "Laksaman";

    // Half-points: 16 pt body, 14 pt in tables, as Thai official documents use with TH Sarabun.
    private const string BodySize = "32";
    private const string TableSize = "28";
    private const string TableLineSpacing = "216";

    // A4 in twentieths of a point (twips): 567 twips = 1 cm.
    public const int A4Short = 11906;
    public const int A4Long = 16838;
    public const int LeftMargin = 1701;   // 3 cm, the binding side of Thai official documents
    public const int RightMargin = 1134;  // 2 cm
    public const int TopMargin = 1418;    // 2.5 cm (the page number sits in the header above it)
    public const int BottomMargin = 1134; // 2 cm
    public const int LandscapeTopMargin = 1134;   // 2 cm: the landscape page is short, the table needs its height
    public const int LandscapeBottomMargin = 851; // 1.5 cm

    private const string HeaderId = "rIdPageNumber";
    private const string FirstHeaderId = "rIdFirstPage";

    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        AddStyles(main);
        AddFontTable(main);
        AddHeaders(main, document.ThaiDigits);

        var body = new Body();
        var landscape = false;
        var sections = 0;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case TitleLine title:
                    body.Append(TextParagraph(title.Text, title.Bold, JustificationValues.Center, spaceBefore: title.SpaceBefore ? 240 : 0));
                    break;
                case Paragraph paragraph:
                    body.Append(TextParagraph(paragraph.Text, paragraph.Bold, JustificationValues.ThaiDistribute, indent: paragraph.Indent, firstLine: paragraph.Indent == 0 && !paragraph.Bold));
                    break;
                case SectionBreak section when section.Landscape != landscape:
                    EndSection(body, Section(landscape, first: sections++ == 0, document.ThaiDigits));
                    landscape = section.Landscape;
                    break;
                case TableBlock table:
                    KeepWithNext(body.LastChild as W.Paragraph);
                    body.Append(Table(table, UsableWidth(landscape)));
                    break;
                case SignatureBlock signature:
                    AppendSignature(body, signature);
                    break;
            }
        }

        body.Append(Section(landscape, first: sections == 0, document.ThaiDigits));
        main.Document = new Document(body);
        main.Document.Save();
    }

    public static byte[] ToBytes(ReportDocument document)
    {
        using var stream = new MemoryStream();
        Write(document, stream);
        return stream.ToArray();
    }

    public static int UsableWidth(bool landscape) => (landscape ? A4Long : A4Short) - LeftMargin - RightMargin;

    /// <summary>
    /// A section's properties: its page size and orientation, margins, page-number header (none on the document's first
    /// page), and page numbers in Thai digits (<c>w:pgNumType w:fmt="thaiNumbers"</c>) when the document uses them.
    /// </summary>
    private static SectionProperties Section(bool landscape, bool first, bool thaiDigits)
    {
        var properties = new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = HeaderId });
        if (first)
        {
            properties.Append(new HeaderReference { Type = HeaderFooterValues.First, Id = FirstHeaderId });
        }

        properties.Append(
            new W.PageSize { Width = (uint)(landscape ? A4Long : A4Short), Height = (uint)(landscape ? A4Short : A4Long), Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait },
            new PageMargin { Top = landscape ? LandscapeTopMargin : TopMargin, Bottom = landscape ? LandscapeBottomMargin : BottomMargin, Left = LeftMargin, Right = RightMargin, Header = 567, Footer = 567, Gutter = 0 },
            new PageNumberType { Format = thaiDigits ? NumberFormatValues.ThaiNumbers : NumberFormatValues.Decimal, Start = first ? 1 : null });
        if (first)
        {
            properties.Append(new TitlePage());
        }

        return properties;
    }

    /// <summary>Ends the current section on its last paragraph (an empty one when the section ends with a table).</summary>
    private static void EndSection(Body body, SectionProperties properties)
    {
        if (body.LastChild is not W.Paragraph last)
        {
            last = body.AppendChild(new W.Paragraph());
        }

        (last.ParagraphProperties ?? last.PrependChild(new ParagraphProperties())).Append(properties);
    }

    private static void KeepWithNext(W.Paragraph? paragraph)
    {
        if (paragraph is not null)
        {
            (paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties())).KeepNext = new KeepNext();
        }
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(), new FontSize { Val = BodySize }, new FontSizeComplexScript { Val = BodySize },
                    new Languages { Val = "en-US", Bidi = "th-TH", EastAsia = "th-TH" })),
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

    /// <summary>
    /// "- ๒ -" centred at the top (a PAGE field, shown in the section's number format); nothing on page one. The runs
    /// are in Thai (w:lang) when the document writes Thai digits: Word shows the section's thaiNumbers format, and
    /// LibreOffice, which has no such format, shows the digits of the text's language (its "context" numerals).
    /// </summary>
    private static void AddHeaders(MainDocumentPart main, bool thaiDigits)
    {
        Run Numbered(OpenXmlElement content)
        {
            var props = RunProps(false, BodySize);
            props.Append(new Languages { Val = thaiDigits ? "th-TH" : "en-US", Bidi = "th-TH" });
            return new Run(props, content);
        }

        var numbered = main.AddNewPart<HeaderPart>(HeaderId);
        numbered.Header = new Header(new W.Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            Numbered(new Text("- ") { Space = SpaceProcessingModeValues.Preserve }),
            Numbered(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            Numbered(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            Numbered(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Numbered(new Text(thaiDigits ? "๒" : "2")),
            Numbered(new FieldChar { FieldCharType = FieldCharValues.End }),
            Numbered(new Text(" -") { Space = SpaceProcessingModeValues.Preserve })));
        numbered.Header.Save();
        var first = main.AddNewPart<HeaderPart>(FirstHeaderId);
        first.Header = new Header(new W.Paragraph());
        first.Header.Save();
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
        // Table text a little tighter than single spacing: TH Sarabun's line height leaves room for the marks above and below.
        var spacing = new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "0" };
        if (size == TableSize)
        {
            spacing.Line = TableLineSpacing;
            spacing.LineRule = LineSpacingRuleValues.Auto;
        }

        var props = new ParagraphProperties(spacing, new Justification { Val = justification });
        if (indent > 0 || firstLine)
        {
            props.Append(new Indentation { Left = (indent * 720).ToString(CultureInfo.InvariantCulture), FirstLine = firstLine ? "720" : null });
        }

        return new W.Paragraph(props, new Run(RunProps(bold, size), new Text(XmlSafeText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>The table's column widths in twips: its proportions over the usable width of the page.</summary>
    public static IReadOnlyList<int> ColumnWidths(TableBlock block, int usable)
    {
        ArgumentNullException.ThrowIfNull(block);
        var total = block.ColumnWidths.Sum();
        return block.ColumnWidths.Select(w => usable * w / total).ToList();
    }

    private static Table Table(TableBlock block, int usable)
    {
        var widths = ColumnWidths(block, usable);
        var border = (uint)4;
        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = border }, new BottomBorder { Val = BorderValues.Single, Size = border },
                new LeftBorder { Val = BorderValues.Single, Size = border }, new RightBorder { Val = BorderValues.Single, Size = border },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = border }, new InsideVerticalBorder { Val = BorderValues.Single, Size = border }),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        // The header row repeats at the top of every page the table runs onto, and never splits.
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < block.Headers.Count; i++)
        {
            header.Append(HeaderCell(block.LinesOf(i), widths[i]));
        }

        table.Append(header);
        foreach (var row in block.Rows)
        {
            var tr = new TableRow();
            for (var i = 0; i < block.Headers.Count; i++)
            {
                tr.Append(Cell(i < row.Count ? row[i] : [], widths[i]));
            }

            table.Append(tr);
        }

        // The last row goes with the signature that follows (a signature alone on a page is signed under nothing).
        if (block.Rows.Count > 0 && table.Elements<TableRow>().Last() is { } last)
        {
            last.PrependChild(new TableRowProperties(new CantSplit()));
            foreach (var paragraph in last.Descendants<W.Paragraph>())
            {
                KeepWithNext(paragraph);
            }
        }

        return table;
    }

    /// <summary>A header cell: bold, shaded, centred, its lines broken where <see cref="TableBlock.HeaderLines"/> says (w:br).</summary>
    private static TableCell HeaderCell(IReadOnlyList<string> lines, int width)
    {
        var paragraph = TextParagraph(lines[0], true, JustificationValues.Center, size: TableSize);
        foreach (var line in lines.Skip(1))
        {
            paragraph.Append(new Run(RunProps(true, TableSize), new Break(), new Text(XmlSafeText.Clean(line)) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return new TableCell(
            new TableCellProperties(
                new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new Shading { Val = ShadingPatternValues.Clear, Fill = "E7E6E6", Color = "auto" },
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
            paragraph);
    }

    private static TableCell Cell(IReadOnlyList<string> paragraphs, int width)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        foreach (var text in paragraphs.Count == 0 ? [""] : paragraphs)
        {
            cell.Append(TextParagraph(text, false, JustificationValues.Left, size: TableSize));
        }

        return cell;
    }

    /// <summary>The signature lines, each kept with the next and unsplittable, so the block never runs over two pages.</summary>
    private static void AppendSignature(Body body, SignatureBlock signature)
    {
        var lines = new List<W.Paragraph>
        {
            TextParagraph(signature.Closing ?? "", false, JustificationValues.Left, spaceBefore: 240, indent: signature.Closing is null ? 0 : 1),
            TextParagraph("ลงชื่อ ......................................................", false, JustificationValues.Center, indent: 4),
            TextParagraph($"({(string.IsNullOrWhiteSpace(signature.Name) ? "......................................................" : signature.Name)})", false, JustificationValues.Center, indent: 4),
        };
        if (!string.IsNullOrWhiteSpace(signature.Position))
        {
            lines.Add(TextParagraph(signature.Position, false, JustificationValues.Center, indent: 4));
        }

        foreach (var line in lines)
        {
            line.ParagraphProperties!.KeepLines = new KeepLines();
            if (line != lines[^1])
            {
                line.ParagraphProperties.KeepNext = new KeepNext();
            }

            body.Append(line);
        }
    }
}
