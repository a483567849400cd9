using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Reports;
using WiangHa.Platform.Infrastructure.Reports.Import;

namespace WiangHa.Platform.UnitTests.Reports;

/// <summary>What the DOCX and XLSX writers put in the files, read back with OpenXml and MiniExcel.</summary>
public sealed class DocumentWriterTests
{
    private static readonly MeasureView[] Measures =
    [
        Measure(1, "เผยแพร่ข้อมูลงบประมาณ", ["ประชาสัมพันธ์", "ชี้แจงในที่ประชุม"], ["สำนักปลัด", "กองคลัง"], ["เผยแพร่แล้ว", "ชี้แจงแล้ว"], "บุคลากรทราบ"),
        Measure(10, "ช่องทางร้องเรียน", ["เปิดช่องทางออนไลน์"], ["กองช่าง"], [], null),
    ];

    private static MeasureView Measure(int number, string title, string[] steps, string[] units, string[] results, string? outcome) =>
        new(Guid.NewGuid(), 2566, number, title, AnalysisBasis.IssueToImprove, steps, units.Select(u => new OrgUnitRef(Guid.NewGuid(), u)).ToList(),
            new MonthRef(2565, 10), new MonthRef(2566, 3), MeasureStatus.Completed, "รายงานทุกไตรมาส", results, outcome, [], [], Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    private static readonly string[] SheetTitles = ["องค์การบริหารส่วนตำบลเวียงห้า อำเภอพาน จังหวัดเชียงราย", "รายงานผล", "ปีงบประมาณ พ.ศ. ๒๕๖๖"];

    private static ReportDocument Document(bool thaiDigits) =>
        new(ReportKind.Results, 2566, "ita-results-2566",
        [
            new TitleLine("รายงานผลการดำเนินการ", true),
            new WiangHa.Platform.Infrastructure.Reports.Paragraph("ย่อหน้า"),
            new SectionBreak(Landscape: true),
            new WiangHa.Platform.Infrastructure.Reports.Paragraph("ตามที่ได้จัดทำมาตรการ"),
            new TableBlock(ReportBuilder.ResultsHeaders, [22, 22, 12, 10, 18, 16], Measures.Select(m => ReportBuilder.ResultsRow(m, new ReportOptions(thaiDigits))).ToList(),
                ReportBuilder.HeaderLines(ReportBuilder.ResultsHeaders)),
            new SignatureBlock("นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบล"),
        ], SheetTitles, thaiDigits);

    [Fact]
    public void Docx_table_round_trips_cell_by_cell_with_each_point_a_paragraph()
    {
        var document = Document(thaiDigits: true);
        using var stream = new MemoryStream(DocxReportWriter.ToBytes(document));
        using var word = WordprocessingDocument.Open(stream, false);
        var table = word.MainDocumentPart!.Document!.Body!.Elements<Table>().Single();
        var rows = table.Elements<TableRow>().ToList();

        rows.Count.ShouldBe(1 + Measures.Length);
        rows[0].Elements<TableCell>().Select(c => c.InnerText).ShouldBe(ReportBuilder.ResultsHeaders);
        for (var r = 0; r < Measures.Length; r++)
        {
            var cells = rows[r + 1].Elements<TableCell>().Select(c => c.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList()).ToList();
            cells.Count.ShouldBe(6);
            for (var c = 0; c < 6; c++)
            {
                cells[c].ShouldBe(document.Table.Rows[r][c], $"row {r + 1}, column {c + 1}");
            }
        }

        rows[1].Elements<TableCell>().First().InnerText.ShouldBe("๑. เผยแพร่ข้อมูลงบประมาณ");
        rows[2].Elements<TableCell>().First().InnerText.ShouldBe("๑๐. ช่องทางร้องเรียน");
        rows[1].Elements<TableCell>().ElementAt(1).Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ShouldBe(["๑. ประชาสัมพันธ์", "๒. ชี้แจงในที่ประชุม"]);
        rows[1].Elements<TableCell>().ElementAt(3).InnerText.ShouldBe("ตุลาคม ๒๕๖๕ ถึง มีนาคม ๒๕๖๖");
    }

    [Fact]
    public void Docx_prose_is_a4_portrait_and_the_table_a4_landscape_with_a_3_cm_left_margin_and_thai_page_numbers()
    {
        using var stream = new MemoryStream(DocxReportWriter.ToBytes(Document(thaiDigits: true)));
        using var word = WordprocessingDocument.Open(stream, false);
        var main = word.MainDocumentPart!;
        var body = main.Document!.Body!;
        var sections = body.Descendants<SectionProperties>().ToList();
        sections.Count.ShouldBe(2);
        // The first section ends on the paragraph before the break ("ย่อหน้า"): the prose; the last is the body's own.
        sections[0].Parent!.Parent!.InnerText.ShouldBe("ย่อหน้า");
        sections[1].Parent.ShouldBe(body);
        var portrait = sections[0].GetFirstChild<PageSize>()!;
        ((uint)portrait.Width!, (uint)portrait.Height!, portrait.Orient!.Value).ShouldBe((11906u, 16838u, PageOrientationValues.Portrait));
        var landscape = sections[1].GetFirstChild<PageSize>()!;
        ((uint)landscape.Width!, (uint)landscape.Height!, landscape.Orient!.Value).ShouldBe((16838u, 11906u, PageOrientationValues.Landscape));
        sections.ShouldAllBe(s => (uint)s.GetFirstChild<PageMargin>()!.Left! == 1701u); // 3 cm
        sections.ShouldAllBe(s => s.GetFirstChild<PageNumberType>()!.Format!.Value == NumberFormatValues.ThaiNumbers);
        // No number on the first page (title page), "- ๒ -" from the second on: a PAGE field in a header in Thai.
        sections[0].GetFirstChild<TitlePage>().ShouldNotBeNull();
        sections[1].GetFirstChild<TitlePage>().ShouldBeNull();
        var header = main.HeaderParts.Single(h => h.Header!.Descendants<FieldCode>().Any());
        header.Header!.Descendants<FieldCode>().Single().Text.Trim().ShouldBe("PAGE");
        header.Header.Descendants<Languages>().ShouldAllBe(l => l.Val!.Value == "th-TH");
        main.GetIdOfPart(header).ShouldBe(sections[1].Elements<HeaderReference>().Single(r => r.Type!.Value == HeaderFooterValues.Default).Id!.Value);

        // The table spans the landscape page's width between the margins.
        var grid = body.Elements<Table>().Single().GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture));
        grid.ShouldBeInRange(DocxReportWriter.UsableWidth(landscape: true) - 6, DocxReportWriter.UsableWidth(landscape: true));
    }

    [Fact]
    public void Docx_header_cells_break_between_words_and_the_signature_block_keeps_together()
    {
        using var stream = new MemoryStream(DocxReportWriter.ToBytes(Document(thaiDigits: true)));
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var period = body.Elements<Table>().Single().Elements<TableRow>().First().Elements<TableCell>().ElementAt(3);
        period.Descendants<Text>().Select(t => t.Text).ShouldBe(["ระยะเวลา", "ดำเนินการ"]);
        period.Descendants<Break>().Count().ShouldBe(1);

        var signature = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().SkipWhile(p => !p.InnerText.StartsWith("ลงชื่อ", StringComparison.Ordinal)).ToList();
        var block = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Reverse().Take(signature.Count + 1).Reverse().ToList(); // with the space above
        block.Select(p => p.InnerText).ShouldBe(["", "ลงชื่อ ......................................................", "(นายสมชาย ใจดี)", "นายกองค์การบริหารส่วนตำบล"]);
        block.ShouldAllBe(p => p.ParagraphProperties!.KeepLines != null);
        block.SkipLast(1).ShouldAllBe(p => p.ParagraphProperties!.KeepNext != null);
        // The lead-in stays with the table.
        body.Elements<Table>().Single().PreviousSibling<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()!.ParagraphProperties!.KeepNext.ShouldNotBeNull();
    }

    [Fact]
    public void Docx_is_in_th_sarabun_new_with_laksaman_as_substitute_and_the_header_row_repeats()
    {
        using var stream = new MemoryStream(DocxReportWriter.ToBytes(Document(thaiDigits: false)));
        using var word = WordprocessingDocument.Open(stream, false);
        var main = word.MainDocumentPart!;
        main.Document!.Body!.Descendants<PageNumberType>().ShouldAllBe(p => p.Format!.Value == NumberFormatValues.Decimal);

        var table = main.Document.Body.Elements<Table>().Single();
        var rows = table.Elements<TableRow>().ToList();
        rows[0].TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();
        rows.Skip(1).ShouldAllBe(r => r.TableRowProperties == null || r.TableRowProperties.GetFirstChild<TableHeader>() == null);

        var fonts = main.Document.Descendants<RunFonts>().ToList();
        fonts.ShouldNotBeEmpty();
        fonts.ShouldAllBe(f => f.Ascii!.Value == "TH Sarabun New" && f.HighAnsi!.Value == "TH Sarabun New" && f.ComplexScript!.Value == "TH Sarabun New");
        var font = main.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == "TH Sarabun New");
        font.AltName!.Val!.Value.ShouldBe("Laksaman");
        rows[1].Elements<TableCell>().First().InnerText.ShouldBe("1. เผยแพร่ข้อมูลงบประมาณ");
    }

    [Fact]
    public void Xlsx_round_trips_cell_by_cell_with_points_on_separate_lines()
    {
        var document = Document(thaiDigits: true);
        using var stream = new MemoryStream(XlsxReportWriter.ToBytes(document));
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList()).ToList();

        rows.Count.ShouldBe(SheetTitles.Length + 1 + Measures.Length);
        rows.Take(SheetTitles.Length).Select(r => r[0]).ShouldBe(SheetTitles);
        rows[SheetTitles.Length].Select(h => h.Replace("\n", "", StringComparison.Ordinal)).ShouldBe(ReportBuilder.ResultsHeaders);
        rows[SheetTitles.Length][3].ShouldBe("ระยะเวลา\nดำเนินการ");
        for (var r = 0; r < Measures.Length; r++)
        {
            for (var c = 0; c < 6; c++)
            {
                rows[SheetTitles.Length + r + 1][c].ShouldBe(string.Join("\n", document.Table.Rows[r][c]), $"row {r + 1}, column {c + 1}");
            }
        }

        stream.Position = 0;
        stream.GetSheetNames().ShouldBe([XlsxReportWriter.SheetName]);
    }

    [Theory]
    [InlineData("report.docx")]
    [InlineData("report.xlsx")]
    public void What_we_write_the_importer_reads_back_as_the_same_measures(string fileName)
    {
        var document = Document(thaiDigits: true);
        var bytes = fileName.EndsWith(".docx", StringComparison.Ordinal) ? DocxReportWriter.ToBytes(document) : XlsxReportWriter.ToBytes(document);

        var rows = ReportTableInterpreter.Interpret(ReportFileReader.Read(fileName, bytes)).Rows;

        rows.Count.ShouldBe(Measures.Length);
        foreach (var (row, measure) in rows.Zip(Measures))
        {
            row.Number.ShouldBe(measure.Number);
            row.Title.ShouldBe(measure.Title);
            row.Steps.ShouldBe(measure.Steps);
            row.UnitNames.ShouldBe(measure.ResponsibleUnits.Select(u => u.Name));
            (row.FromYear, row.FromMonth, row.ToYear, row.ToMonth).ShouldBe((2565, 10, 2566, 3));
            row.ResultPoints.ShouldBe(measure.ResultPoints);
            row.Outcome.ShouldBe(measure.Outcome);
            row.Problems.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Xlsx_has_title_rows_widths_wrapping_a_frozen_bold_header_and_prints_landscape_fitted_to_the_width()
    {
        using var stream = new MemoryStream(XlsxReportWriter.ToBytes(Document(thaiDigits: true)));
        using var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var workbook = xlsx.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet!;
        var headerRow = (uint)SheetTitles.Length + 1;

        var pane = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single();
        (pane.VerticalSplit!.Value, pane.State!.Value).ShouldBe((headerRow, DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen));
        sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Column>().Select(c => c.Width!.Value).ShouldAllBe(w => w >= 15);
        sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.MergeCell>().Select(m => m.Reference!.Value).ShouldBe(["A1:F1", "A2:F2", "A3:F3"]);
        var setup = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.PageSetup>().Single();
        (setup.Orientation!.Value, setup.PaperSize!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value)
            .ShouldBe((DocumentFormat.OpenXml.Spreadsheet.OrientationValues.Landscape, 9u, 1u, 0u));
        sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.PageSetupProperties>().Single().FitToPage!.Value.ShouldBeTrue();
        workbook.Workbook!.Descendants<DocumentFormat.OpenXml.Spreadsheet.DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles").Text.ShouldEndWith($"${headerRow}:${headerRow}");

        var styles = workbook.WorkbookStylesPart!.Stylesheet!;
        var formats = styles.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ToList();
        var fonts = styles.Fonts!.Elements<DocumentFormat.OpenXml.Spreadsheet.Font>().ToList();
        fonts.ShouldAllBe(f => f.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.FontName>()!.Val!.Value == DocxReportWriter.FontName);
        DocumentFormat.OpenXml.Spreadsheet.CellFormat StyleOf(string reference) =>
            formats[(int)sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(c => c.CellReference == reference).StyleIndex!.Value];
        fonts[(int)StyleOf($"A{headerRow}").FontId!.Value].Bold.ShouldNotBeNull();
        StyleOf($"A{headerRow}").Alignment!.WrapText!.Value.ShouldBeTrue();
        StyleOf($"B{headerRow + 1}").Alignment!.WrapText!.Value.ShouldBeTrue();
    }

    [Theory]
    [InlineData(true, 0, "๐")]
    [InlineData(true, 2570, "๒๕๗๐")]
    [InlineData(false, 2570, "2570")]
    public void Numbering_and_years_follow_the_numeral_option(bool thaiDigits, int number, string expected) =>
        new ReportOptions(thaiDigits).Digits(number).ShouldBe(expected);

    /// <summary>
    /// Every C0 control, DEL and a C1 control, the non-characters, lone surrogates, and what must survive: Thai, tabs,
    /// line breaks, an emoji. Built in code and walked in one test: a theory's data would be serialised, and lone
    /// surrogates do not survive that.
    /// </summary>
    private static IEnumerable<string> HostileText() =>
        Enumerable.Range(0, 0x20).Select(c => $"ก{(char)c}ข")
            .Concat(["ก\u007Fข", "ก\u0085ข", "ก\uFFFEข", "ก\uFFFFข", "ก\uD800ข", "ก\uDC00ข", "ก\uDC00\uD800ข", "มาตรการ 😀 ที่ ๑", "\u0E01\u0E33"]);

    /// <summary>XML reads a carriage return as a line feed, so that is what a reader gets back.</summary>
    private static string AsRead(string text) => XmlSafeText.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    [Fact]
    public void Any_stored_text_becomes_a_docx_and_an_xlsx_that_open_keeping_thai_and_dropping_only_what_xml_cannot_hold()
    {
        foreach (var text in HostileText())
        {
            var measure = Measure(1, text, [text], [text], [text], text);
            var document = new ReportDocument(ReportKind.Results, 2566, "ita-results-2566",
            [
                new TitleLine(text, true),
                new WiangHa.Platform.Infrastructure.Reports.Paragraph(text),
                new TableBlock(ReportBuilder.ResultsHeaders, [22, 22, 12, 10, 18, 16], [ReportBuilder.ResultsRow(measure, new ReportOptions(ThaiDigits: true))]),
                new SignatureBlock(text, text),
            ]);

            using (var stream = new MemoryStream(DocxReportWriter.ToBytes(document)))
            using (var word = WordprocessingDocument.Open(stream, false))
            {
                word.MainDocumentPart!.Document!.Body!.InnerText.ShouldContain(AsRead(text), customMessage: Escaped(text));
            }

            using var xlsx = new MemoryStream(XlsxReportWriter.ToBytes(document));
            var rows = xlsx.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
            rows.Count.ShouldBe(2, Escaped(text)); // no title rows: the header and the measure
            (rows[1].Values.First()?.ToString() ?? "").ShouldContain(AsRead(text), customMessage: Escaped(text));
        }
    }

    [Fact]
    public void Xml_safe_text_drops_only_what_xml_cannot_hold()
    {
        XmlSafeText.Clean("ก\u0000ข").ShouldBe("กข");
        XmlSafeText.Clean("ก\u000Bข\u000C").ShouldBe("กข");
        XmlSafeText.Clean("ก\tข\nค\r").ShouldBe("ก\tข\nค\r");
        XmlSafeText.Clean("ก\uFFFEข\uD800").ShouldBe("กข");
        XmlSafeText.Clean("\uDC00\uD83D\uDE00\uD800").ShouldBe("😀");
        XmlSafeText.Clean(null).ShouldBe("");
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => c < 0x80 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"));
}
