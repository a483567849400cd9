using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WiangHa.Platform.Infrastructure.Reports.Import;

/// <summary>
/// Reads a Word body as Word shows it, not as the XML's concatenated text (<c>InnerText</c>): a line break
/// (Shift+Enter, <c>w:br</c>, <c>w:cr</c>) starts a new line, a tab is a space, a hyperlink or field gives its shown
/// result and never its code (<c>HYPERLINK "https://…"</c>), text deleted with track changes is gone, paragraphs and
/// tables inside content controls are read, and a vertically merged cell carries its value to every row it covers.
/// </summary>
public static class WordText
{
    /// <summary>The body's paragraphs and tables in order, with content controls opened.</summary>
    public static IEnumerable<OpenXmlElement> Blocks(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is SdtBlock or SdtContentBlock or CustomXmlBlock)
            {
                foreach (var inner in Blocks(child is SdtBlock sdt ? (OpenXmlElement?)sdt.SdtContentBlock ?? sdt : child))
                {
                    yield return inner;
                }
            }
            else if (child is DocumentFormat.OpenXml.Wordprocessing.Paragraph or Table)
            {
                yield return child;
            }
        }
    }

    /// <summary>Each row's cells, each cell its lines; merged cells repeat the value they cover.</summary>
    public static IEnumerable<IReadOnlyList<IReadOnlyList<string>>> Rows(Table table)
    {
        // The value of each grid column in the row above, for cells that continue a vertical merge.
        var above = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var row in TableRows(table))
        {
            var cells = new List<IReadOnlyList<string>>();
            var column = 0;
            foreach (var cell in Opened<TableCell>(row))
            {
                var properties = cell.TableCellProperties;
                var span = properties?.GridSpan?.Val?.Value ?? 1;
                var merge = properties?.VerticalMerge;
                IReadOnlyList<string> lines = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue)
                    ? above.GetValueOrDefault(column, [])
                    : Blocks(cell).SelectMany(Lines).ToList();
                for (var i = 0; i < Math.Max(1, span); i++)
                {
                    above[column + i] = lines;
                    cells.Add(lines);
                }

                column += Math.Max(1, span);
            }

            yield return cells;
        }
    }

    /// <summary>The table's rows, including those inside content controls (a repeating section is a control of rows).</summary>
    public static IEnumerable<TableRow> TableRows(Table table) => Opened<TableRow>(table);

    /// <summary>The children of type <typeparamref name="T"/>, looking through content controls and custom XML around them.</summary>
    private static IEnumerable<T> Opened<T>(OpenXmlElement parent)
        where T : OpenXmlElement
    {
        foreach (var child in parent.ChildElements)
        {
            if (child is T found)
            {
                yield return found;
            }
            else if (child is SdtRow or SdtContentRow or SdtCell or SdtContentCell or CustomXmlRow or CustomXmlCell)
            {
                foreach (var inner in Opened<T>(child))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>A paragraph's (or a nested table's) lines as shown.</summary>
    public static IEnumerable<string> Lines(OpenXmlElement block)
    {
        if (block is Table nested)
        {
            return nested.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().SelectMany(Lines);
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        Walk(block, line, lines);
        lines.Add(line.ToString());
        return lines;
    }

    private static void Walk(OpenXmlElement element, StringBuilder line, List<string> lines)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Text text:
                    line.Append(text.Text);
                    break;
                case TabChar or PositionalTab:
                    line.Append(' ');
                    break;
                case Break or CarriageReturn:
                    lines.Add(line.ToString());
                    line.Clear();
                    break;
                // Field codes, deleted text, and what is not shown at all.
                case FieldCode or DeletedText or DeletedFieldCode or DeletedRun or Deleted or MoveFromRun:
                    break;
                default:
                    Walk(child, line, lines);
                    break;
            }
        }
    }
}
