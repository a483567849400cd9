using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Reports;
using WiangHa.Platform.IntegrationTests.Data;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WiangHa.Platform.IntegrationTests.Reports.Corpus;

/// <summary>One measure a corpus file holds, as it must be stored after the import (months as "2565-10").</summary>
public sealed record CorpusMeasure(
    int Number, string Title, string[] Steps, string[] Units, string PeriodText, string PeriodFrom, string PeriodTo, string[] ResultPoints, string? Outcome);

/// <summary>What importing a corpus file must give: its measures, year and cited items, or the refusal's words.</summary>
public sealed record CorpusExpectation(string Description, int? FiscalYear, string[] ItaItems, CorpusMeasure[] Measures, string? Refused = null);

/// <summary>
/// Makes the import corpus: the seed report written the ways Thai offices write it — the seed's text, text pasted
/// from a web page, Word documents with line breaks, tabs, hyperlinks, tracked changes, content controls and merged
/// cells, a nested table, Excel sheets with title rows and merged cells — each with the measures it must import as.
/// The measures are the seed's own (read by the seed check's parser, not by the import), with period spellings varied.
/// The files are committed; <see cref="CorpusTests"/> regenerates them when WIANGHA_WRITE_CORPUS=1.
/// </summary>
public static class CorpusGenerator
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string SeedPath = ReportImports.SeedPath;

    /// <summary>Every corpus file: its name, its bytes and what it must import as.</summary>
    public static IEnumerable<(string Name, byte[] Content, CorpusExpectation Expected)> Files()
    {
        var seed = SeedFidelityTests.ParseSeed(SeedPath);
        string[] items2566 = ["2567/O35", "2566/O42"];
        var seedPeriod = "ตุลาคม ๒๕๖๕ ถึง มีนาคม ๒๕๖๖";
        CorpusMeasure Measure(int i, string periodText, string from, string to) => new(
            seed[i].Number, seed[i].Title, seed[i].Steps, seed[i].Units, periodText, from, to, seed[i].Results, seed[i].Outcome);

        var asSeed = Enumerable.Range(0, 5).Select(i => Measure(i, seedPeriod, "2565-10", "2566-03")).ToArray();
        yield return ("seed-2566.txt", File.ReadAllBytes(SeedPath), new("The seed report itself (text with <p> cells, rows broken over lines, repeated headers)", 2566, items2566, asSeed));

        // Period spellings Thai offices use; the last one cannot be read as months and falls back to the year.
        var varied = new[]
        {
            Measure(0, "ต.ค.๖๕ – มี.ค.๖๖", "2565-10", "2566-03"),
            Measure(1, "๑ ตุลาคม ๒๕๖๕ – ๓๑ มีนาคม ๒๕๖๖", "2565-10", "2566-03"),
            Measure(2, "ตุลาคม 2565 - มีนาคม 2566", "2565-10", "2566-03"),
            Measure(3, "ตลอดปีงบประมาณ", "2565-10", "2566-09"),
            Measure(4, "ไตรมาสที่ ๑–๒", "2565-10", "2566-09"),
        };
        yield return ("pasted-web-2566.txt", Encoding.UTF8.GetBytes(PastedWebText(varied)), new(
            "Text pasted from a web page: <br> between points, <b>/<span> inside Thai words, &nbsp;, a title line with a tab, a row broken inside its first cell",
            2566, items2566, varied));
        yield return ("plain-tsv-2566.txt", Encoding.UTF8.GetBytes(PlainTsv(varied)), new(
            "Tab-separated text without <p>: points split by <br/>, a row's first cell broken over two lines",
            2566, items2566, varied));

        var word = new[]
        {
            Measure(0, seedPeriod, "2565-10", "2566-03"),
            Measure(1, "ต.ค.๖๕ – มี.ค.๖๖", "2565-10", "2566-03"),
            Measure(2, "ต.ค.๖๕ – มี.ค.๖๖", "2565-10", "2566-03"),
            Measure(3, "ต.ค.๖๕ – มี.ค.๖๖", "2565-10", "2566-03"),
            Measure(4, "ตลอดปีงบประมาณ", "2565-10", "2566-09"),
        };
        yield return ("word-style-2566.docx", WordStyle(word), new(
            "Word as clerks write it: Shift+Enter between points, units stacked with breaks and tabs, hyperlink fields, tracked changes, a content control, vertically merged unit and period cells, a title line with a tab",
            2566, items2566, word));
        yield return ("content-controls-2566.docx", ContentControls(word), new(
            "Word table inside a content control, rows in a repeating section, a leading \"ที่\" column, a two-row header with merged cells, a hyperlink",
            2566, items2566, word));
        yield return ("nested-table.docx", NestedTable(seed), new(
            "A Word table with a table nested in a cell: refused with where it is and what to do", null, [], [], "พบตารางซ้อนอยู่ในช่องของตาราง"));

        var sheet = new[]
        {
            Measure(0, "ตลอดปีงบประมาณ ๒๕๖๘", "2567-10", "2568-09"),
            Measure(1, "ต.ค. ๖๗ – มี.ค. ๖๘", "2567-10", "2568-03"),
            Measure(2, "ต.ค. ๖๗ – มี.ค. ๖๘", "2567-10", "2568-03"),
            Measure(3, "ต.ค. ๖๗ – มี.ค. ๖๘", "2567-10", "2568-03"),
            Measure(4, "ต.ค. ๖๗ – มี.ค. ๖๘", "2567-10", "2568-03"),
        };
        yield return ("title-rows-2568.xlsx", Workbook(TitleRowsSheet(sheet)), new(
            "Excel with merged title rows (LAO, fiscal year, ITA codes O35/O36), a two-row header, a leading \"ลำดับ\" column, Alt+Enter line breaks, vertically merged unit and period cells",
            2568, ["2568/O35", "2568/O36"], sheet));
        yield return ("no-header.xlsx", Workbook(new SheetSpec(
            [["ลำดับ", "ชื่อโครงการ", "งบประมาณ"], ["1", "ซ่อมถนน", "50,000"], ["2", "อบรมอาสาสมัคร", "12,000"]], [])), new(
            "An Excel sheet without the report's header: refused, saying what was found", null, [], [], "แถวแรกที่มีข้อมูล"));
    }

    /// <summary>Writes the corpus and its expectations into <paramref name="directory"/>.</summary>
    public static void Write(string directory)
    {
        foreach (var (name, content, expected) in Files())
        {
            File.WriteAllBytes(Path.Combine(directory, name), content);
            File.WriteAllText(Path.Combine(directory, name + ".expected.json"), JsonSerializer.Serialize(expected, Json) + "\n");
        }
    }

    /// <summary>The seed's text above its first table (title lines, the ITA citations).</summary>
    private static List<string> Preamble() =>
        File.ReadLines(SeedPath).TakeWhile(l => !l.StartsWith("มาตรการ/แนวทาง\t", StringComparison.Ordinal)).ToList();

    private static string Header => string.Join('\t', ReportBuilder.ResultsHeaders);

    private static string Digits(int n) => ThaiNumerals.ToThaiDigits(n.ToString(CultureInfo.InvariantCulture));

    private static IEnumerable<string> Numbered(string[] points) =>
        points.Length == 1 ? points : points.Select((p, i) => $"{Digits(i + 1)}. {p}");

    /// <summary>"การประชาสัมพันธ์" → "การ<b>ประชา</b>สัมพันธ์": markup in the middle of a Thai word.</summary>
    private static string Bolded(string text)
    {
        var cut = Math.Min(6, text.Length / 3);
        return $"{text[..cut]}<b>{text[cut..(cut * 2)]}</b><span style=\"font-family:TH SarabunPSK\">{text[(cut * 2)..]}</span>";
    }

    private static string PastedWebText(CorpusMeasure[] measures)
    {
        var text = new StringBuilder();
        foreach (var line in Preamble())
        {
            // A title line with a tab: it must stay a title line, not start a row that swallows the header.
            text.Append(line.StartsWith("ในปีงบประมาณ", StringComparison.Ordinal) ? "ในปีงบประมาณ พ.ศ. ๒๕๖๖\t(รอบ ๑๒ เดือน)" : line).Append('\n');
        }

        text.Append(Header).Append('\n');
        foreach (var m in measures)
        {
            var title = $"{Digits(m.Number)}.&nbsp;{Bolded(m.Title)}";
            var cells = new[]
            {
                $"<p>{title}</p>",
                $"<p>{string.Join(m.Number % 2 == 0 ? "<br/>" : "<br>", Numbered(m.Steps).Select(s => s.Replace(" ", "&nbsp;", StringComparison.Ordinal)))}</p>",
                $"<p><span>{string.Join("</span> <span>", m.Units)}</span></p>",
                $"<p>{m.PeriodText}</p>",
                $"<p>{string.Join("<br />", Numbered(m.ResultPoints).Select(p => $"<i>{p}</i>"))}</p>",
                $"<p><strong>{m.Outcome}</strong></p>",
            };
            var row = string.Join('\t', cells);
            if (m.Number == 3)
            {
                // Broken inside its first cell: the title's start is on the line above the rest of the row.
                var space = row.IndexOf(" และ", StringComparison.Ordinal);
                row = row[..space] + "\n" + row[(space + 1)..];
            }

            text.Append(row).Append('\n');
        }

        return text.ToString();
    }

    private static string PlainTsv(CorpusMeasure[] measures)
    {
        var text = new StringBuilder();
        foreach (var line in Preamble().Where(l => l.Trim().Length > 0))
        {
            text.Append(line.Trim()).Append('\n');
        }

        text.Append(Header).Append('\n');
        foreach (var m in measures)
        {
            var title = $"{m.Number.ToString(CultureInfo.InvariantCulture)}. {m.Title}";
            if (m.Number == 2)
            {
                // No <p>: the first cell's first line stands alone on the line above the row.
                var space = title.IndexOf(' ', 15);
                title = title[..space] + "\n" + title[(space + 1)..];
            }

            text.AppendJoin('\t', title, string.Join("<br/>", Numbered(m.Steps)), string.Join(' ', m.Units), m.PeriodText, string.Join("<br/>", Numbered(m.ResultPoints)), m.Outcome).Append('\n');
        }

        return text.ToString();
    }

    // ---- Word ----

    private static W.Run Run(string text) => new(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static W.Run LineBreak() => new(new Break());

    private static W.Run Tab() => new(new TabChar());

    private static W.Paragraph Para(params OpenXmlElement[] content) => new(content);

    private static TableCell Cell(params OpenXmlElement[] content) => new(content);

    private static TableCell Cell(TableCellProperties properties, params OpenXmlElement[] content) => new([properties, .. content]);

    /// <summary>Numbered points in one paragraph, separated by Shift+Enter.</summary>
    private static W.Paragraph BrokenPoints(string[] points)
    {
        var runs = new List<OpenXmlElement>();
        foreach (var (point, i) in Numbered(points).Select((p, i) => (p, i)))
        {
            if (i > 0)
            {
                runs.Add(LineBreak());
            }

            runs.Add(Run(point));
        }

        return Para([.. runs]);
    }

    /// <summary>A HYPERLINK field around the text, as Word stores a pasted link: the code must never be read.</summary>
    private static IEnumerable<OpenXmlElement> HyperlinkField(string shown, string url) =>
    [
        new W.Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new W.Run(new FieldCode($" HYPERLINK \"{url}\" ") { Space = SpaceProcessingModeValues.Preserve }),
        new W.Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        Run(shown),
        new W.Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    private static Table NewTable(int columns) => new(
        new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
        new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = (14000 / columns).ToString(CultureInfo.InvariantCulture) })));

    private static TableRow HeaderRow() =>
        new(ReportBuilder.ResultsHeaders.Select(h => Cell(Para(Run(h)))));

    private static byte[] Document(Action<MainDocumentPart, Body> build)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            build(main, body);
            body.Append(new SectionProperties(new W.PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }, new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134 }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>The seed's title and citation paragraphs, one of the title lines with a tab in it.</summary>
    private static void AppendPreamble(Body body)
    {
        foreach (var line in Preamble().Select(l => l.Trim().Replace("**", "", StringComparison.Ordinal)).Where(l => l.Length > 0))
        {
            body.Append(line.StartsWith("ในปีงบประมาณ", StringComparison.Ordinal)
                ? Para(Run("ในปีงบประมาณ พ.ศ. ๒๕๖๖"), Tab(), Run("(รอบ ๑๒ เดือน)"))
                : Para(Run(line)));
        }
    }

    private static byte[] WordStyle(CorpusMeasure[] measures) => Document((main, body) =>
    {
        AppendPreamble(body);
        var table = NewTable(6);
        table.Append(HeaderRow());
        foreach (var m in measures)
        {
            var n = m.Number;
            // Title: row 2 has a tracked deletion "(ร่าง) " and the end of its title as a tracked insertion.
            var title = n == 2
                ? Para(Run($"{Digits(n)}. "), new DeletedRun(new W.Run(new DeletedText("(ร่าง) ") { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "เจ้าหน้าที่" },
                    Run(m.Title[..^10]), new InsertedRun(Run(m.Title[^10..])) { Id = "2", Author = "เจ้าหน้าที่" })
                : Para(Run($"{Digits(n)}. {m.Title}"));
            // Units: stacked with line breaks and a tab, in one cell merged down over rows 3–4.
            var unitRuns = new List<OpenXmlElement>();
            foreach (var (unit, i) in m.Units.Select((u, i) => (u, i)))
            {
                unitRuns.AddRange(i == 0 ? [Run(unit)] : i % 2 == 1 ? [LineBreak(), Run(unit)] : [LineBreak(), Tab(), Run(unit)]);
            }

            var units = n switch
            {
                3 => Cell(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }), Para([.. unitRuns])),
                4 => Cell(new TableCellProperties(new VerticalMerge()), Para()),
                _ => Cell(Para([.. unitRuns])),
            };
            var period = n switch
            {
                2 => Cell(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }), Para(Run(m.PeriodText))),
                3 or 4 => Cell(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Continue }), Para()),
                _ => Cell(Para(Run(m.PeriodText))),
            };
            // Results: one paragraph each; the last point of row 1 is a hyperlink field.
            var results = Numbered(m.ResultPoints).Select((p, i) => n == 1 && i == m.ResultPoints.Length - 1
                ? Para([.. HyperlinkField(p, "https://wiangha.go.th/ita/budget")])
                : Para(Run(p))).ToArray();
            // Outcome: inside a content control.
            var outcome = new SdtBlock(new SdtProperties(new SdtAlias { Val = "ผลลัพธ์" }), new SdtContentBlock(Para(Run(m.Outcome ?? ""))));
            table.Append(new TableRow(Cell(title), Cell(BrokenPoints(m.Steps)), units, period, Cell(results), Cell(outcome)));
        }

        body.Append(table);
        body.Append(Para(Run("ลงชื่อ"), Tab(), Run("นายกองค์การบริหารส่วนตำบลเวียงห้า")));
    });

    private static byte[] ContentControls(CorpusMeasure[] measures) => Document((main, body) =>
    {
        AppendPreamble(body);
        var link = main.AddHyperlinkRelationship(new Uri("https://wiangha.go.th/ita"), true);
        var table = NewTable(7);
        var restart = () => new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart });
        var headers = ReportBuilder.ResultsHeaders;
        table.Append(new TableRow(
            [Cell(restart(), Para(Run("ที่"))), .. headers.Take(4).Select(h => Cell(restart(), Para(Run(h)))),
             Cell(new TableCellProperties(new GridSpan { Val = 2 }), Para(Run("ผลการดำเนินการ")))]));
        table.Append(new TableRow(
            [.. Enumerable.Range(0, 5).Select(_ => Cell(new TableCellProperties(new VerticalMerge()), Para())),
             Cell(Para(Run(headers[4]))), Cell(Para(Run(headers[5])))]));
        var rows = new SdtContentRow();
        foreach (var m in measures)
        {
            var results = Numbered(m.ResultPoints).Select((p, i) => i == 0
                ? Para(new W.Hyperlink(Run(p)) { Id = link.Id })
                : Para(Run(p))).ToArray();
            rows.Append(new TableRow(
                Cell(Para(Run(Digits(m.Number)))), Cell(Para(Run(m.Title))), Cell(BrokenPoints(m.Steps)), Cell(Para(Run(string.Join(' ', m.Units)))),
                Cell(Para(Run(m.PeriodText))), Cell(results), Cell(Para(Run(m.Outcome ?? "")))));
        }

        table.Append(new SdtRow(new SdtProperties(new SdtAlias { Val = "มาตรการ" }), rows));
        body.Append(new SdtBlock(new SdtProperties(new SdtAlias { Val = "ตารางมาตรการ" }), new SdtContentBlock(table)));
    });

    private static byte[] NestedTable(List<SeedFidelityTests.SeedRow> seed) => Document((main, body) =>
    {
        AppendPreamble(body);
        var table = NewTable(6);
        table.Append(HeaderRow());
        var m = seed[0];
        var nested = NewTable(2);
        nested.Append(new TableRow(Cell(Para(Run("๑."))), Cell(Para(Run(m.Steps[0])))));
        nested.Append(new TableRow(Cell(Para(Run("๒."))), Cell(Para(Run(m.Steps[1])))));
        table.Append(new TableRow(
            Cell(Para(Run($"๑. {m.Title}"))), Cell(nested, Para()), Cell(Para(Run(string.Join(' ', m.Units)))),
            Cell(Para(Run(m.Period))), Cell(Para(Run(m.Results[0]))), Cell(Para(Run(m.Outcome)))));
        body.Append(table);
    });

    // ---- Excel ----

    /// <summary>Rows of cell texts (null: a cell covered by a merge) and the merged ranges ("A1:G1").</summary>
    private sealed record SheetSpec(IReadOnlyList<IReadOnlyList<string?>> Rows, IReadOnlyList<string> Merges);

    private static SheetSpec TitleRowsSheet(CorpusMeasure[] measures)
    {
        var headers = ReportBuilder.ResultsHeaders;
        List<IReadOnlyList<string?>> rows =
        [
            ["รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", null, null, null, null, null, null],
            ["องค์การบริหารส่วนตำบลเวียงห้า อำเภอพาน จังหวัดเชียงราย", null, null, null, null, null, null],
            ["ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (รอบ ๖ เดือน)", null, null, null, null, null, null],
            ["ตามคู่มือการประเมิน ITA พ.ศ. ๒๕๖๘ ข้อ O35 และ O36", null, null, null, null, null, null],
            [],
            ["ลำดับ", headers[0], headers[1], headers[2], headers[3], "ผลการดำเนินการ", null],
            [null, null, null, null, null, headers[4], headers[5]],
        ];
        foreach (var m in measures)
        {
            rows.Add([
                Digits(m.Number), m.Title, string.Join('\n', Numbered(m.Steps)),
                m.Number >= 4 ? null : string.Join('\n', m.Units),
                m.Number >= 3 ? (m.Number == 3 ? m.PeriodText : null) : m.PeriodText,
                string.Join('\n', Numbered(m.ResultPoints)), m.Outcome]);
        }

        return new SheetSpec(rows, ["A1:G1", "A2:G2", "A3:G3", "A4:G4", "A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:E7", "F6:G6", "D10:D12", "E10:E12"]);
    }

    private static byte[] Workbook(SheetSpec spec)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new S.SharedStringTable();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new S.SheetData();
            for (var r = 0; r < spec.Rows.Count; r++)
            {
                var row = new S.Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < spec.Rows[r].Count; c++)
                {
                    var reference = $"{(char)('A' + c)}{(r + 1).ToString(CultureInfo.InvariantCulture)}";
                    if (spec.Rows[r][c] is not { } text)
                    {
                        row.Append(new S.Cell { CellReference = reference });
                        continue;
                    }

                    if (!index.TryGetValue(text, out var i))
                    {
                        i = index[text] = index.Count;
                        strings.SharedStringTable.Append(new S.SharedStringItem(new S.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                    }

                    row.Append(new S.Cell { CellReference = reference, DataType = S.CellValues.SharedString, CellValue = new S.CellValue(i.ToString(CultureInfo.InvariantCulture)) });
                }

                data.Append(row);
            }

            var worksheet = new S.Worksheet(data);
            if (spec.Merges.Count > 0)
            {
                worksheet.Append(new S.MergeCells(spec.Merges.Select(m => new S.MergeCell { Reference = m })));
            }

            sheetPart.Worksheet = worksheet;
            workbook.Workbook.Append(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "รายงานผล" }));
        }

        return stream.ToArray();
    }
}
