using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WiangHa.Platform.Infrastructure.Reports;
using WiangHa.Platform.Infrastructure.Reports.Import;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace WiangHa.Platform.UnitTests.Reports;

/// <summary>
/// A report written the way clerks write in Word — Shift+Enter between numbered points, tabs, a hyperlink field,
/// a tracked deletion, a content control, a vertically merged unit cell — reads as Word shows it.
/// </summary>
public sealed class WordTextTests
{
    [Fact]
    public void A_word_style_report_reads_as_word_shows_it()
    {
        var rows = ReportTableInterpreter.Interpret(ReportFileReader.Read("report.docx", WordStyleReport())).Rows;

        rows.Count.ShouldBe(2);
        var first = rows[0];
        first.Title.ShouldBe("เผยแพร่ข้อมูลข่าวสาร");
        first.Steps.ShouldBe(["อบรมเจ้าหน้าที่", "กำหนดแนวทาง"], "a line break (Shift+Enter) separates the numbered points");
        first.UnitNames.ShouldBe(["สำนักปลัด", "กองคลัง"], "units stacked with a line break and a tab stay apart");
        (first.FromYear, first.FromMonth, first.ToYear, first.ToMonth).ShouldBe((2565, 10, 2566, 3));
        first.PeriodText.ShouldNotContain("ร่าง", Case.Sensitive, "text deleted with track changes is gone");
        first.ResultPoints.ShouldBe(["ดูผลการอบรม"]);
        string.Join(" ", first.ResultPoints).ShouldNotContain("HYPERLINK");
        first.Outcome.ShouldBe("ประชาชนเข้าถึงข้อมูล", "a paragraph inside a content control is read");
        rows[1].UnitNames.ShouldBe(["สำนักปลัด", "กองคลัง"], "a vertically merged cell carries its value to the row it covers");
    }

    private static byte[] WordStyleReport()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var table = new Table(new TableRow(ReportBuilder.ResultsHeaders.Select(h => Cell(Para(Run(h)))).ToArray()));
            table.Append(new TableRow(
                Cell(Para(Run("1. เผยแพร่ข้อมูลข่าวสาร"))),
                Cell(Para(Run("๑. อบรมเจ้าหน้าที่"), new W.Run(new Break()), Run("๒. กำหนดแนวทาง"))),
                Cell(new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart }), Para(Run("สำนักปลัด"), new W.Run(new Break()), new W.Run(new TabChar()), Run("กองคลัง"))),
                Cell(Para(Run("ตุลาคม ๒๕๖๕ – มีนาคม ๒๕๖๖"), new DeletedRun(new W.Run(new DeletedText(" (ร่าง)") { Space = SpaceProcessingModeValues.Preserve })))),
                Cell(Para(
                    Run("๑. "),
                    new W.Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                    new W.Run(new FieldCode(" HYPERLINK \"https://wiangha.go.th/training\" ") { Space = SpaceProcessingModeValues.Preserve }),
                    new W.Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                    Run("ดูผลการอบรม"),
                    new W.Run(new FieldChar { FieldCharType = FieldCharValues.End }))),
                Cell(new SdtBlock(new SdtContentBlock(Para(Run("ประชาชนเข้าถึงข้อมูล")))))));
            table.Append(new TableRow(
                Cell(Para(Run("2. ประกาศเจตจำนง"))),
                Cell(Para(Run("๑. ประกาศ"))),
                Cell(new TableCellProperties(new VerticalMerge()), Para()),
                Cell(Para(Run("ต.ค.๖๕ – ก.ย.๖๖"))),
                Cell(Para(Run("๑. ประกาศแล้ว"))),
                Cell(Para(Run("สำเร็จ")))));
            main.Document = new Document(new Body(Para(Run("รายงานผลการดำเนินการ ปีงบประมาณ พ.ศ. ๒๕๖๖")), table));
        }

        return stream.ToArray();
    }

    private static W.Run Run(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static W.Paragraph Para(params OpenXmlElement[] runs) => new(runs);

    private static TableCell Cell(params OpenXmlElement[] content) => new(content);
}
