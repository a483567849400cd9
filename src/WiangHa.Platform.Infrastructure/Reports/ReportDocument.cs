namespace WiangHa.Platform.Infrastructure.Reports;

/// <summary>
/// A document as a list of blocks, independent of the format: DOCX, the printable HTML page and the XLSX of the table
/// all render the same model, so they cannot drift apart.
/// </summary>
/// <param name="SheetTitles">The lines above the spreadsheet's table: the LAO, the document, the fiscal year, the items cited.</param>
/// <param name="ThaiDigits">Thai digits in page numbers (as in the text).</param>
public sealed record ReportDocument(ReportKind Kind, int FiscalYear, string FileName, IReadOnlyList<DocumentBlock> Blocks, IReadOnlyList<string>? SheetTitles = null, bool ThaiDigits = true)
{
    /// <summary>The document's table of measures (every document has exactly one).</summary>
    public TableBlock Table => Blocks.OfType<TableBlock>().Single();
}

public enum ReportKind
{
    /// <summary>รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส (the results item, e.g. 2567 O35).</summary>
    Results = 1,

    /// <summary>มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (the measures item, e.g. 2566 O42).</summary>
    Measures = 2,
}

public abstract record DocumentBlock;

/// <summary>A centred line of the title block; <see cref="Bold"/> for the headings.</summary>
public sealed record TitleLine(string Text, bool Bold, bool SpaceBefore = false) : DocumentBlock;

/// <summary>A body paragraph, indented by <see cref="Indent"/> levels.</summary>
public sealed record Paragraph(string Text, bool Bold = false, int Indent = 0) : DocumentBlock;

/// <summary>
/// A table whose cells are lists of paragraphs (numbered points stay separate paragraphs). <see cref="ColumnWidths"/>
/// are percentages of the page's width. <see cref="HeaderLines"/> are the headers broken between words where a printed
/// header breaks ("ระยะเวลา" / "ดำเนินการ"), so that no renderer breaks one inside a word.
/// </summary>
public sealed record TableBlock(
    IReadOnlyList<string> Headers, IReadOnlyList<int> ColumnWidths, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Rows,
    IReadOnlyList<IReadOnlyList<string>>? HeaderLines = null) : DocumentBlock
{
    /// <summary>The lines of header <paramref name="column"/>: as given, or the header whole.</summary>
    public IReadOnlyList<string> LinesOf(int column) => HeaderLines is { } lines && column < lines.Count ? lines[column] : [Headers[column]];
}

/// <summary>
/// From here on the pages are landscape (<see cref="Landscape"/>) or portrait: the six-column table reads on landscape
/// A4 without breaking its words, the prose stays portrait.
/// </summary>
public sealed record SectionBreak(bool Landscape) : DocumentBlock;

/// <summary>ลงชื่อ … / (name) / position, right of centre at the end; never split over two pages.</summary>
/// <param name="Name">The signatory's name, or a dotted line to write it in.</param>
/// <param name="Position">The signatory's position.</param>
/// <param name="Closing">The closing line kept on the signature's page ("จึงรายงานมาเพื่อโปรดทราบ", "ประกาศ ณ วันที่ …"), so the
/// signature never stands on a page of its own without the text it signs.</param>
public sealed record SignatureBlock(string? Name, string? Position, string? Closing = null) : DocumentBlock;

/// <summary>How a document is written.</summary>
/// <param name="ThaiDigits">Thai digits (๑๒๓) in numbering, years and dates.</param>
/// <param name="RoundMonths">รอบ ๖ เดือน or รอบ ๑๒ เดือน.</param>
public sealed record ReportOptions(bool ThaiDigits = true, int RoundMonths = 12, string? SignatoryName = null, string? SignatoryPosition = null)
{
    public string Digits(string text) => ThaiDigits ? Domain.Calendar.ThaiNumerals.ToThaiDigits(text) : text;

    public string Digits(int number) => Digits(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
