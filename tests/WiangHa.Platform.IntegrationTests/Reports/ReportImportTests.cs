using System.Net;
using System.Text;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.IntegrationTests.Data;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Reports;

/// <summary>Importing existing reports through the import page, on a real database.</summary>
public sealed class ReportImportTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Importing_the_seed_creates_exactly_its_five_measures_field_by_field_with_units_matched()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var preview = await client.PreviewAsync(tenant, "000_0a354348d0def8d3.txt", await File.ReadAllBytesAsync(ReportImports.SeedPath));
        preview.QuerySelectorAll("[data-testid=preview-row]").Length.ShouldBe(5);
        preview.QuerySelector("[data-testid=import-summary]")!.TextContent.ShouldContain("จะนำเข้า 5 มาตรการในปีงบประมาณ 2566");
        var confirmed = await client.ConfirmAsync(tenant, preview);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.OriginalString.ShouldBe($"/t/{tenant.Slug}/measures?year=2566");

        var expected = SeedFidelityTests.ParseSeed(ReportImports.SeedPath);
        var measures = await factory.MeasuresAsync(tenant, 2566);
        measures.Count.ShouldBe(5);
        foreach (var (row, measure) in expected.Zip(measures))
        {
            measure.Number.ShouldBe(row.Number);
            measure.Title.ShouldBe(row.Title);
            measure.Steps.ShouldBe(row.Steps);
            measure.ResponsibleUnits.OrderBy(u => u.SortOrder).Select(u => u.Name).ShouldBe(row.Units);
            measure.ResponsibleUnits.Select(u => u.Id).ShouldAllBe(id => tenant.UnitIds.Contains(id));
            $"{ThaiMonth.From(measure.PeriodFrom).ToThai(thaiDigits: true)} ถึง {ThaiMonth.From(measure.PeriodTo).ToThai(thaiDigits: true)}".ShouldBe(row.Period);
            measure.PeriodFrom.ShouldBe(new DateOnly(2022, 10, 1));
            measure.PeriodTo.ShouldBe(new DateOnly(2023, 3, 1));
            measure.ResultPoints.ShouldBe(row.Results);
            measure.Outcome.ShouldBe(row.Outcome);
            measure.Status.ShouldBe(MeasureStatus.Completed);
            measure.ItaItems.ShouldBe(["2567/O35", "2566/O42"]);
        }

        (await factory.CountsAsync(tenant)).Units.ShouldBe(4, "every unit of the seed matched an existing one");
    }

    [Fact]
    public async Task Re_importing_the_same_file_creates_nothing_and_says_so()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await client.ImportSeedAsync(tenant);

        // Same bytes under another name: the SHA-256 recognises it before any row is looked at.
        var again = await client.PreviewAsync(tenant, "copy-of-report.txt", await File.ReadAllBytesAsync(ReportImports.SeedPath));
        again.QuerySelector("[data-testid=earlier-import]")!.TextContent.ShouldContain("เคยนำเข้าแล้วในปีงบประมาณ 2566");
        again.QuerySelectorAll("[data-testid=row-problems]").ShouldAllBe(c => c.TextContent.Contains("มีมาตรการชื่อนี้แล้ว"));
        var response = await client.ConfirmAsync(tenant, again);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var flash = (await client.GetPageAsync(response.Headers.Location!.OriginalString)).QuerySelector("[data-testid=flash]")!.TextContent;
        flash.ShouldContain("ระบบจึงไม่สร้างมาตรการซ้ำ");

        (await factory.MeasuresAsync(tenant, 2566)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task A_different_file_with_measures_the_year_already_has_skips_them_and_lists_why()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await client.ImportSeedAsync(tenant);
        var seed = await File.ReadAllTextAsync(ReportImports.SeedPath);
        var extended = seed + "\n<p>๖. มาตรการใหม่ที่เพิ่มเข้ามา</p>\t<p>ขั้นตอนเดียว</p>\t<p>กองสาธารณสุข</p>\t<p>เมษายน ๒๕๖๖ ถึง กันยายน ๒๕๖๖</p>\t<p>ทำแล้ว</p>\t<p>ดีขึ้น</p>\n";

        var preview = await client.PreviewAsync(tenant, "report-v2.txt", Encoding.UTF8.GetBytes(extended));
        preview.QuerySelectorAll("[data-testid=preview-row]")[5].TextContent.ShouldContain("ไม่พบส่วนราชการ \"กองสาธารณสุข\"");
        var response = await client.ConfirmAsync(tenant, preview);
        var flash = (await client.GetPageAsync(response.Headers.Location!.OriginalString)).QuerySelector("[data-testid=flash]")!.TextContent;
        flash.ShouldContain("นำเข้ามาตรการ 1 มาตรการ");
        flash.ShouldContain("ข้าม 5 แถว");
        flash.ShouldContain("มีมาตรการชื่อนี้แล้วในปีงบประมาณ 2566");
        flash.ShouldContain("เพิ่มส่วนราชการ: กองสาธารณสุข");

        var measures = await factory.MeasuresAsync(tenant, 2566);
        measures.Count.ShouldBe(6);
        measures[5].Number.ShouldBe(6);
        measures[5].ResponsibleUnits.Single().Name.ShouldBe("กองสาธารณสุข");
        (measures[5].PeriodFrom, measures[5].PeriodTo).ShouldBe((new DateOnly(2023, 4, 1), new DateOnly(2023, 9, 1)));
    }

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    public async Task A_report_generated_by_one_lao_imports_into_another_as_the_same_measures(string format)
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var aEditor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        await aEditor.ImportSeedAsync(a);
        var file = await aEditor.Http.GetByteArrayAsync($"/t/{a.Slug}/reports/2566/results.{format}");
        var bEditor = await BrowserlessClient.SignedInAsync(factory, b.Editor);

        var preview = await bEditor.PreviewAsync(b, $"wiangha-2566.{format}", file, 2566);
        preview.QuerySelectorAll("[data-testid=preview-row]").Length.ShouldBe(5);
        (await bEditor.ConfirmAsync(b, preview)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var original = await factory.MeasuresAsync(a, 2566);
        var copy = await factory.MeasuresAsync(b, 2566);
        copy.Count.ShouldBe(5);
        foreach (var (o, c) in original.Zip(copy))
        {
            (c.Number, c.Title, c.PeriodFrom, c.PeriodTo, c.Outcome).ShouldBe((o.Number, o.Title, o.PeriodFrom, o.PeriodTo, o.Outcome));
            c.Steps.ShouldBe(o.Steps);
            c.ResultPoints.ShouldBe(o.ResultPoints);
            c.ResponsibleUnits.OrderBy(u => u.SortOrder).Select(u => u.Name).ShouldBe(o.ResponsibleUnits.OrderBy(u => u.SortOrder).Select(u => u.Name));
            c.ResponsibleUnits.Select(u => u.Id).ShouldAllBe(id => b.UnitIds.Contains(id));
        }
    }

    [Fact]
    public async Task Unknown_units_can_be_left_out_instead_of_created()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var text = "มาตรการ/แนวทาง\tขั้นตอน/วิธีการปฏิบัติ\tหน่วยงานผู้รับผิดชอบ\tระยะเวลาดำเนินการ\tสรุปผลการดำเนินการ\tผลลัพธ์/ความสำเร็จ\n" +
                   "<p>1. เปิดเผยข้อมูล</p>\t<p>เผยแพร่</p>\t<p>กองคลัง กองสวัสดิการสังคม</p>\t<p>ต.ค. 67 - ก.ย. 68</p>\t<p></p>\t<p></p>\n";
        var preview = await client.PreviewAsync(tenant, "r.txt", Encoding.UTF8.GetBytes(text), 2568);
        // Proposed, never pre-ticked: confirming the form as shown creates no unit.
        preview.QuerySelectorAll("[data-testid=field-create-unit]").Select(b => (b.GetAttribute("value"), b.HasAttribute("checked"))).ShouldBe([("กองสวัสดิการสังคม", false)]);

        var response = await client.ConfirmAsync(tenant, preview, tickNewUnits: false);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var measure = (await factory.MeasuresAsync(tenant, 2568)).Single();
        measure.ResponsibleUnits.Select(u => u.Name).ShouldBe(["กองคลัง"]);
        measure.Status.ShouldBe(MeasureStatus.Planned);
        (await factory.CountsAsync(tenant)).Units.ShouldBe(4);
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "empty", "empty.txt", "ไฟล์ว่างเปล่า" },
        { "wrong-columns", "columns.txt", "คอลัมน์ของตารางไม่ตรงกับแบบรายงานผล" },
        { "no-table", "notes.txt", "ไม่พบตารางมาตรการในไฟล์" },
        { "binary-docx", "report.docx", "ไม่ใช่เอกสาร Word" },
        { "corrupt-zip-docx", "bad.docx", "ไม่ใช่เอกสาร Word" },
        { "binary-xlsx", "report.xlsx", "ไม่ใช่ไฟล์ Excel" },
        { "fifty-megabytes", "huge.txt", "ไฟล์มีขนาดใหญ่เกิน 10 MB" },
        { "old-word", "report.doc", "ไฟล์ Word/Excel รุ่นเก่า" },
        { "old-word", "renamed.txt", "ไฟล์ Word/Excel รุ่นเก่า" },
        { "pdf", "report.pdf", "ไฟล์นี้เป็น PDF" },
        { "html", "report.html", "ไฟล์นี้เป็นหน้าเว็บ (HTML)" },
        { "html", "saved-page.txt", "ไฟล์นี้เป็นหน้าเว็บ (HTML)" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_file_is_refused_with_its_thai_message_and_nothing_is_created(string kind, string fileName, string message)
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var random = new byte[8192];
        new Random(42).NextBytes(random);
        var content = kind switch
        {
            "empty" => [],
            "wrong-columns" => Encoding.UTF8.GetBytes("มาตรการ/แนวทาง\tหน่วยงานผู้รับผิดชอบ\tงบประมาณ\n<p>ก</p>\t<p>กองคลัง</p>\t<p>5,000</p>\n"),
            "no-table" => Encoding.UTF8.GetBytes("บันทึกการประชุม\nไม่มีตาราง\n"),
            "fifty-megabytes" => new byte[50 * 1024 * 1024],
            "corrupt-zip-docx" => [.. "PK\u0003\u0004garbage"u8],
            "old-word" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. random],
            "pdf" => [.. "%PDF-1.7\n"u8, .. random],
            "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><table><tr><td>มาตรการ/แนวทาง</td></tr></table></body></html>"),
            _ => random,
        };

        var page = await client.PreviewAsync(tenant, fileName, content);

        page.QuerySelector("[data-testid=import-errors]")!.TextContent.ShouldContain(message);
        page.QuerySelector("[data-testid=upload-form]").ShouldNotBeNull("the clerk can pick another file");
        var (measures, batches, units) = await factory.CountsAsync(tenant);
        (measures, batches, units).ShouldBe((0, 0, 4));
    }

    [Fact]
    public async Task A_row_that_fails_measure_validation_refuses_the_whole_import()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var longStep = new string('ก', MeasureLimits.StepMaxLength + 1);
        var text = "มาตรการ/แนวทาง\tขั้นตอน/วิธีการปฏิบัติ\tหน่วยงานผู้รับผิดชอบ\tระยะเวลาดำเนินการ\tสรุปผลการดำเนินการ\tผลลัพธ์/ความสำเร็จ\n" +
                   "<p>1. มาตรการดี</p>\t<p>ขั้นตอน</p>\t<p>กองคลัง</p>\t<p>ต.ค. 65 - มี.ค. 66</p>\t<p></p>\t<p></p>\n" +
                   $"<p>2. มาตรการที่ขั้นตอนยาวเกิน</p>\t<p>{longStep}</p>\t<p>กองคลัง</p>\t<p>ต.ค. 65 - มี.ค. 66</p>\t<p></p>\t<p></p>\n";
        var preview = await client.PreviewAsync(tenant, "r.txt", Encoding.UTF8.GetBytes(text), 2566);

        var response = await client.ConfirmAsync(tenant, preview);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("แถวที่ 3");
        html.ShouldContain($"ขั้นตอนแต่ละข้อยาวได้ไม่เกิน {MeasureLimits.StepMaxLength:N0} ตัวอักษร");
        (await factory.MeasuresAsync(tenant, 2566)).ShouldBeEmpty("all or nothing");
    }

    [Fact]
    public async Task The_file_picker_offers_only_the_formats_that_are_read()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var page = await client.GetPageAsync($"/t/{tenant.Slug}/reports/import");

        page.QuerySelector("[data-testid=field-file]")!.GetAttribute("accept").ShouldBe(".docx,.xlsx,.txt,.tsv");
    }

    [Fact]
    public async Task Viewers_cannot_import()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var viewer = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);
        (await viewer.Http.GetAsync($"/t/{tenant.Slug}/reports/import")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await viewer.Http.GetAsync($"/t/{tenant.Slug}/reports/import")).Headers.Location!.OriginalString.ShouldContain("/status/403");
    }
}
