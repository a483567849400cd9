namespace WiangHa.Platform.Infrastructure.Reports;

/// <summary>
/// A document as a list of blocks, independent of the format: DOCX, the printable HTML page and the XLSX of the table
/// all render the same model, so they cannot drift apart.
/// </summary>
public sealed record ReportDocument(ReportKind Kind, int FiscalYear, string FileName, IReadOnlyList<DocumentBlock> Blocks)
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

/// <summary>A table whose cells are lists of paragraphs (numbered points stay separate paragraphs).</summary>
public sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<int> ColumnWidths, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Rows) : DocumentBlock;

/// <summary>ลงชื่อ … / (name) / position, right of centre at the end.</summary>
public sealed record SignatureBlock(string? Name, string? Position) : DocumentBlock;

/// <summary>How a document is written.</summary>
/// <param name="ThaiDigits">Thai digits (๑๒๓) in numbering, years and dates.</param>
/// <param name="RoundMonths">รอบ ๖ เดือน or รอบ ๑๒ เดือน.</param>
public sealed record ReportOptions(bool ThaiDigits = true, int RoundMonths = 12, string? SignatoryName = null, string? SignatoryPosition = null)
{
    public string Digits(string text) => ThaiDigits ? Domain.Calendar.ThaiNumerals.ToThaiDigits(text) : text;

    public string Digits(int number) => Digits(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
