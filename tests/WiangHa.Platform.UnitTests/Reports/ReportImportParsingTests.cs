using System.Text;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Reports.Import;

namespace WiangHa.Platform.UnitTests.Reports;

/// <summary>Reading reports as LAOs really write them: the seed itself and its kinds of noise.</summary>
public sealed class ReportImportParsingTests
{
    private const string Header = "มาตรการ/แนวทาง\tขั้นตอน/วิธีการปฏิบัติ\tหน่วยงานผู้รับผิดชอบ\tระยะเวลาดำเนินการ\tสรุปผลการดำเนินการ\tผลลัพธ์/ความสำเร็จ";

    private static readonly byte[] Seed = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "wiangha-2566-report.txt"));

    private static ParsedReport Parse(string text, string fileName = "report.txt") =>
        ReportTableInterpreter.Interpret(ReportFileReader.Read(fileName, Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void The_seed_gives_five_measures_without_blocking_problems_and_its_year_and_cited_items()
    {
        var report = ReportTableInterpreter.Interpret(ReportFileReader.Read("000_0a354348d0def8d3.txt", Seed));

        report.Rows.Count.ShouldBe(5);
        report.Rows.Select(r => r.Number).ShouldBe([1, 2, 3, 4, 5]);
        report.Rows.ShouldAllBe(r => !r.Blocking && r.Problems.Count == 0);
        report.Rows.ShouldAllBe(r => r.FromYear == 2565 && r.FromMonth == 10 && r.ToYear == 2566 && r.ToMonth == 3);
        report.DetectedFiscalYear.ShouldBe(2566);
        report.ItaItems.ShouldBe(["2567/O35", "2566/O42"]);
        report.Rows[0].Steps.Count.ShouldBe(2);
        report.Rows[0].UnitNames.ShouldBe(["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"]);
        report.Rows[4].Steps.Count.ShouldBe(1);
        report.Rows[1].Title.ShouldContain("อบรม.");
    }

    [Fact]
    public void A_row_broken_over_lines_a_repeated_header_and_arabic_numerals_are_read()
    {
        var text = string.Join('\n',
            "รายงานผล ปีงบประมาณ พ.ศ. 2567",
            Header,
            "<p>1. มาตรการแรก</p>\t<p>1. ขั้นแรก</p> <p>2. ขั้นสอง",
            "ต่อบรรทัด</p>\t<p>สำนักปลัด</p>\t<p>ต.ค. 66 - ก.ย. 67</p>\t<p>ทำแล้ว</p>\t<p>ดี</p>",
            "",
            "มาตรการ/แนวทาง\tขั้นตอน/วิธีการปฏิบัติ\tหน่วยงาน ผู้รับผิดชอบ\tระยะเวลา ดำเนินการ\tสรุปผลการดำเนินการ\tผลลัพธ์/ความสำเร็จ",
            "<p>๒. มาตรการที่สอง</p>\t<p>ขั้นเดียว</p>\t<p>กองคลัง</p>\t<p>ตุลาคม ๒๕๖๖ ถึง มีนาคม ๒๕๖๗</p>\t<p></p>\t<p></p>");

        var report = Parse(text);

        report.Rows.Count.ShouldBe(2);
        report.Rows[0].Steps.ShouldBe(["ขั้นแรก", "ขั้นสอง ต่อบรรทัด"]);
        report.Rows[0].Number.ShouldBe(1);
        (report.Rows[0].FromYear, report.Rows[0].FromMonth, report.Rows[0].ToYear, report.Rows[0].ToMonth).ShouldBe((2566, 10, 2567, 9));
        report.Rows[1].Number.ShouldBe(2);
        report.Rows[1].Title.ShouldBe("มาตรการที่สอง");
        report.Rows[1].Outcome.ShouldBeNull();
        report.DetectedFiscalYear.ShouldBe(2567);
    }

    [Fact]
    public void An_unreadable_period_is_a_warning_not_a_refusal()
    {
        var report = Parse($"{Header}\n<p>มาตรการ</p>\t<p>ขั้น</p>\t<p>สำนักปลัด</p>\t<p>ตลอดปี</p>\t<p></p>\t<p></p>");

        report.Rows.Single().Blocking.ShouldBeFalse();
        report.Rows.Single().FromYear.ShouldBeNull();
        report.Rows.Single().PeriodText.ShouldBe("ตลอดปี");
        report.Rows.Single().Problems.ShouldContain(p => p.Contains("อ่านระยะเวลาดำเนินการ \"ตลอดปี\" เป็นช่วงเดือนไม่ได้") && p.Contains("เก็บข้อความเดิมไว้คู่กัน"));
    }

    [Fact]
    public void A_row_with_missing_cells_is_a_blocking_problem_of_that_row_only()
    {
        var report = Parse($"{Header}\n<p>ก</p>\t<p>ข</p>\t<p>สำนักปลัด</p>\n<p>ง</p>\t<p>ขั้น</p>\t<p>สำนักปลัด</p>\t<p>ต.ค. 65 - มี.ค. 66</p>\t<p>ผล</p>\t<p>ลัพธ์</p>");

        report.Rows.Count.ShouldBe(2);
        report.Rows[0].Blocking.ShouldBeTrue();
        report.Rows[0].Problems.ShouldContain(p => p.Contains("แต่ตารางต้องมี 6 ช่อง"));
        report.Rows[1].Blocking.ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "empty.txt", "ไฟล์ว่างเปล่า")]
    [InlineData("ชื่อ\tปี\tหน่วยงาน\nก\t2566\tกองคลัง", "wrong.txt", "ไม่พบตารางมาตรการในไฟล์")]
    [InlineData("มาตรการ/แนวทาง\tหน่วยงาน\tปี\nก\tกองคลัง\t2566", "columns.txt", "คอลัมน์ของตารางไม่ตรงกับแบบรายงานผล")]
    public void Files_without_the_table_are_refused_with_a_thai_reason(string text, string fileName, string message) =>
        Should.Throw<ImportFormatException>(() => Parse(text, fileName)).Message.ShouldContain(message);

    [Fact]
    public void A_binary_file_renamed_docx_or_xlsx_is_refused()
    {
        var binary = new byte[4096];
        new Random(7).NextBytes(binary);
        Should.Throw<ImportFormatException>(() => ReportFileReader.Read("report.docx", binary)).Message.ShouldContain("ไม่ใช่เอกสาร Word");
        Should.Throw<ImportFormatException>(() => ReportFileReader.Read("report.xlsx", binary)).Message.ShouldContain("ไม่ใช่ไฟล์ Excel");
        Should.Throw<ImportFormatException>(() => ReportFileReader.Read("report.txt", binary)).Message.ShouldContain("อ่านไม่ได้");
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused_as_docx()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            writer.Write("not a document");
        }

        Should.Throw<ImportFormatException>(() => ReportFileReader.Read("fake.docx", stream.ToArray())).Message.ShouldContain(".docx");
        Should.Throw<ImportFormatException>(() => ReportFileReader.Read("fake.xlsx", stream.ToArray())).Message.ShouldContain(".xlsx");
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_parsing() =>
        Should.Throw<ImportFormatException>(() => ReportFileReader.Read("big.txt", new byte[ReportFileReader.MaxBytes + 1])).Message.ShouldContain("10 MB");

    [Theory]
    [InlineData("ตุลาคม ๒๕๖๕ ถึง มีนาคม ๒๕๖๖", 2565, 10, 2566, 3)]
    [InlineData("ต.ค. ๖๕ - ก.ย. ๖๖", 2565, 10, 2566, 9)]
    [InlineData("กันยายน 2569 – ตุลาคม 2569", 2569, 9, 2569, 10)] // around 1 October: the period crosses into the next fiscal year
    [InlineData("ตุลาคม ๒๕๗๐ ถึง ธันวาคม ๒๕๗๐", 2570, 10, 2570, 12)] // ๐ in a year
    [InlineData("๑ ตุลาคม ๒๕๖๕ – ๓๑ มีนาคม ๒๕๖๖", 2565, 10, 2566, 3)] // with days
    [InlineData("ต.ค.๖๕ – มี.ค.๖๖", 2565, 10, 2566, 3)] // abbreviated, the year glued to the month
    [InlineData("1 ต.ค. 2565 - 30 ก.ย. 2566", 2565, 10, 2566, 9)]
    [InlineData("ตั้งแต่ ตุลาคม พ.ศ. ๒๕๖๕ ถึง กันยายน พ.ศ. ๒๕๖๖", 2565, 10, 2566, 9)]
    [InlineData("ตลอดปีงบประมาณ ๒๕๖๖", 2565, 10, 2566, 9)]
    [InlineData("ตลอดปีงบประมาณ พ.ศ. 2566", 2565, 10, 2566, 9)]
    public void Periods_read_in_thai_or_arabic_digits(string text, int fromYear, int fromMonth, int toYear, int toMonth)
    {
        ReportTableInterpreter.TryParsePeriod(text, out var from, out var to).ShouldBeTrue();
        (from.BuddhistYear, from.Month, to.BuddhistYear, to.Month).ShouldBe((fromYear, fromMonth, toYear, toMonth));
    }

    [Theory]
    [InlineData("มีนาคม ๒๕๖๖ ถึง ตุลาคม ๒๕๖๕")] // backwards
    [InlineData("ตุลาคม ๒๕๖๕")]
    [InlineData("")]
    public void Periods_that_cannot_be_read_are_refused(string text) =>
        ReportTableInterpreter.TryParsePeriod(text, out _, out _).ShouldBeFalse();

    [Fact]
    public void The_whole_fiscal_year_without_its_number_takes_the_reports_year_and_is_refused_without_one()
    {
        ReportTableInterpreter.TryParsePeriod("ตลอดปีงบประมาณ", 2566, out var from, out var to).ShouldBeTrue();
        (from.BuddhistYear, from.Month, to.BuddhistYear, to.Month).ShouldBe((2565, 10, 2566, 9));
        ReportTableInterpreter.TryParsePeriod("ตลอดปีงบประมาณ", null, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void The_first_day_of_a_period_starting_on_1_october_belongs_to_the_next_fiscal_year()
    {
        ReportTableInterpreter.TryParsePeriod("ตุลาคม ๒๕๖๕ ถึง กันยายน ๒๕๖๖", out var from, out var to).ShouldBeTrue();
        FiscalYear.Containing(from.FirstDay).BuddhistYear.ShouldBe(2566);
        FiscalYear.Containing(from.FirstDay.AddDays(-1)).BuddhistYear.ShouldBe(2565);
        FiscalYear.Containing(new DateOnly(to.Year, to.Month, 30)).BuddhistYear.ShouldBe(2566);
    }

    [Fact]
    public void Format_follows_the_extension()
    {
        ReportFileReader.FormatOf("a.DOCX", []).ShouldBe(ImportFormat.Docx);
        ReportFileReader.FormatOf("a.xlsx", []).ShouldBe(ImportFormat.Xlsx);
        ReportFileReader.FormatOf("a.txt", []).ShouldBe(ImportFormat.ParagraphText);
    }

    [Fact]
    public void Web_markup_breaks_lines_without_splitting_thai_words_and_a_title_line_with_a_tab_keeps_the_header()
    {
        var text = string.Join('\n',
            "รายงานผล\tปีงบประมาณ พ.ศ. ๒๕๖๖",
            Header,
            "<p>๑.&nbsp;การ<b>ประชา</b><span style=\"color:red\">สัมพันธ์</span></p>\t<p>๑. อบรม<br>๒. กำหนด&amp;ติดตาม</p>\t<p>สำนักปลัด</p>\t<p>ต.ค.๖๕ – มี.ค.๖๖</p>\t<p></p>\t<p></p>");

        var report = Parse(text);

        report.DetectedFiscalYear.ShouldBe(2566, "the title line with a tab stays document text");
        var row = report.Rows.Single();
        (row.Number, row.NumberMark, row.Title).ShouldBe((1, "๑.", "การประชาสัมพันธ์"));
        row.Steps.ShouldBe(["อบรม", "กำหนด&ติดตาม"]);
        row.StepMarks.ShouldBe(["๑.", "๒."]);
        row.PeriodText.ShouldBe("ต.ค.๖๕ – มี.ค.๖๖");
        report.ThaiDigits.ShouldBeTrue();
    }

    [Theory]
    [InlineData("report.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0, 0 }, "รุ่นเก่า")]
    [InlineData("report.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "PDF")]
    [InlineData("page.htm", new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, "หน้าเว็บ (HTML)")]
    public void A_refused_format_says_what_was_found_and_what_is_expected(string fileName, byte[] content, string found)
    {
        var message = Should.Throw<ImportFormatException>(() => ReportFileReader.Read(fileName, content)).Message;

        message.ShouldContain(found);
        message.ShouldContain(ReportFileReader.Expected);
    }
}
