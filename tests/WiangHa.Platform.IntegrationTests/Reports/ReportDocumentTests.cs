using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Reports;

/// <summary>The documents generated from a tenant's catalogue, downloaded as a member would, read back cell by cell.</summary>
public sealed class ReportDocumentTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static readonly string[] Headers =
        ["มาตรการ/แนวทาง", "ขั้นตอน/วิธีการปฏิบัติ", "หน่วยงานผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "สรุปผลการดำเนินการ", "ผลลัพธ์/ความสำเร็จ"];

    /// <summary>The six cells of a measure as the seed writes them: Thai digits, numbered points as separate paragraphs.</summary>
    private static List<List<string>> ExpectedCells(Measure m)
    {
        static List<string> Numbered(List<string> points) =>
            points.Count <= 1 ? points : points.Select((p, i) => $"{ThaiNumerals.ToThaiDigits(i + 1)}. {p}").ToList();
        return
        [
            [$"{ThaiNumerals.ToThaiDigits(m.Number)}. {m.Title}"],
            Numbered(m.Steps),
            [string.Join(' ', m.ResponsibleUnits.OrderBy(u => u.SortOrder).Select(u => u.Name))],
            [$"{ThaiMonth.From(m.PeriodFrom).ToThai(true)} ถึง {ThaiMonth.From(m.PeriodTo).ToThai(true)}"],
            Numbered(m.ResultPoints),
            m.Outcome is null ? [] : [m.Outcome],
        ];
    }

    [Fact]
    public async Task Docx_and_xlsx_of_the_catalogue_equal_the_measures_cell_by_cell()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await editor.ImportSeedAsync(tenant);
        var measures = await factory.MeasuresAsync(tenant, 2566);
        var viewer = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);

        var docx = await viewer.Http.GetAsync($"/t/{tenant.Slug}/reports/2566/results.docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        docx.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("ita-results-2566.docx");
        using (var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync()))
        using (var word = WordprocessingDocument.Open(stream, false))
        {
            var body = word.MainDocumentPart!.Document!.Body!;
            var text = string.Join('\n', body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            text.ShouldContain($"{tenant.Name}");
            text.ShouldContain("ในปีงบประมาณ พ.ศ. ๒๕๖๖");
            text.ShouldContain("(รอบ ๑๒ เดือน)");
            text.ShouldContain("อำเภอพาน จังหวัดเชียงราย");
            // Citations come from the catalogue of each year: the items the imported measures name.
            text.ShouldContain("พ.ศ. ๒๕๖๗ ตัวชี้วัดย่อย ๑๐.๒ มาตรการส่งเสริมคุณธรรมและความโปร่งใส ข้อ O๓๕ การรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
            text.ShouldContain("(๓) ผลลัพธ์หรือความสำเร็จของการดำเนินการ");
            // The citation is a whole sentence: the item's requirement clause (from the manual) before its elements.
            text.ShouldContain("กำหนดองค์ประกอบด้านข้อมูลไว้ว่า แสดงผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน* ที่มีรายละเอียดอย่างน้อยประกอบด้วย");
            // The day the document is made, in Thai digits (the test clock: 1 December 2026).
            text.ShouldContain("ณ วันที่ ๑ ธันวาคม ๒๕๖๙");
            text.ShouldContain("ข้อ O๔๒ มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน มีองค์ประกอบด้านข้อมูล ดังนี้");

            var rows = body.Elements<Table>().Single().Elements<TableRow>().ToList();
            rows[0].TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();
            rows[0].Elements<TableCell>().Select(c => c.InnerText).ShouldBe(Headers);
            rows.Count.ShouldBe(6);
            foreach (var (row, measure) in rows.Skip(1).Zip(measures))
            {
                var cells = row.Elements<TableCell>()
                    .Select(c => c.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList()).ToList();
                cells.ShouldBe(ExpectedCells(measure));
            }
        }

        var xlsx = await viewer.Http.GetAsync($"/t/{tenant.Slug}/reports/2566/results.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var all = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList()).ToList();
            // Title rows first: the LAO, the document, the fiscal year, the items cited.
            all.Select(r => r[0]).Take(5).ShouldBe([
                $"{tenant.Name} อำเภอพาน จังหวัดเชียงราย",
                "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (รอบ ๑๒ เดือน)",
                "ปีงบประมาณ พ.ศ. ๒๕๖๖",
                "คู่มือการประเมิน ITA พ.ศ. ๒๕๖๗ ข้อ O๓๕ การรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                "คู่มือการประเมิน ITA พ.ศ. ๒๕๖๖ ข้อ O๔๒ มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            ]);
            var rows = all.Skip(5).ToList();
            rows[0].Select(h => h.Replace("\n", "", StringComparison.Ordinal)).ShouldBe(Headers);
            rows.Count.ShouldBe(6);
            foreach (var (row, measure) in rows.Skip(1).Zip(measures))
            {
                row.ShouldBe(ExpectedCells(measure).Select(c => string.Join('\n', c)));
            }
        }
    }

    [Fact]
    public async Task The_reports_page_names_the_cited_items_and_warns_when_the_measures_name_none()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await editor.ImportSeedAsync(tenant);
        await factory.Data.CreateMeasureAsync(tenant, "มาตรการที่ไม่ระบุข้อ", 2568);

        var withItems = await editor.GetPageAsync($"/t/{tenant.Slug}/reports?year=2566");
        withItems.QuerySelector("[data-testid=citation-warning]").ShouldBeNull();
        withItems.QuerySelector("[data-testid=document-results]")!.TextContent.ShouldContain("ตามคู่มือ ITA ปี 2567 ข้อ O35");
        withItems.QuerySelector("[data-testid=document-measures]")!.TextContent.ShouldContain("ตามคู่มือ ITA ปี 2566 ข้อ O42");

        // TestData's measure names 2567/O35, which is no item of FY 2568's documents.
        var without = await editor.GetPageAsync($"/t/{tenant.Slug}/reports?year=2568");
        without.QuerySelector("[data-testid=citation-warning]")!.TextContent.ShouldContain("ข้อรายงานผล, ข้อมาตรการ");
    }

    [Fact]
    public async Task Arabic_numerals_round_and_signatory_follow_the_saved_settings()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await editor.ImportSeedAsync(tenant);
        var saved = await editor.PostFormAsync($"/t/{tenant.Slug}/reports?handler=Publication&year=2566",
        [
            new("Publication.RoundMonths", "6"), new("Publication.ThaiDigits", "false"), new("Publication.PublishResults", "true"),
            new("Publication.SignatoryName", "นายสมชาย ใจดี"), new("Publication.SignatoryPosition", "นายกองค์การบริหารส่วนตำบลเวียงห้า"),
        ], $"/t/{tenant.Slug}/reports?year=2566");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var print = await editor.GetPageAsync($"/t/{tenant.Slug}/reports/2566/results/print");
        var text = print.QuerySelector("[data-testid=report-document]")!.TextContent;
        text.ShouldContain("ในปีงบประมาณ พ.ศ. 2566");
        text.ShouldContain("(รอบ 6 เดือน)");
        text.ShouldContain("(นายสมชาย ใจดี)");
        text.ShouldContain("นายกองค์การบริหารส่วนตำบลเวียงห้า");
        text.ShouldNotContain("๒๕๖๖");
        print.QuerySelectorAll("[data-testid=report-row]").Length.ShouldBe(5);
        print.QuerySelector("[data-testid=report-row] td p")!.TextContent.ShouldStartWith("1. การประชาสัมพันธ์");
    }

    [Fact]
    public async Task The_measures_document_carries_the_analysis_of_the_previous_assessment()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await editor.ImportSeedAsync(tenant);
        var analysis = $"/t/{tenant.Slug}/reports/2566/analysis";
        var bad = await editor.PostFormAsync(analysis, [new("Form.PreviousScore", "120")]);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("คะแนนต้องอยู่ระหว่าง 0 ถึง 100");

        var saved = await editor.PostFormAsync(analysis,
        [
            new("Form.PreviousScore", "๘๗.๕"), new("Form.UrgentWeaknesses", "การเปิดเผยข้อมูลงบประมาณยังไม่ครบ\nช่องทางร้องเรียนไม่ชัดเจน"),
            new("Form.IssuesToImprove", "การมีส่วนร่วมของประชาชน"),
        ]);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var docx = await editor.Http.GetAsync($"/t/{tenant.Slug}/reports/2566/measures.docx");
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var text = string.Join('\n', body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        text.ShouldContain("ผลคะแนนการประเมินปี พ.ศ. ๒๕๖๕ เท่ากับ ๘๗.๕ คะแนน");
        text.ShouldContain("๑. การเปิดเผยข้อมูลงบประมาณยังไม่ครบ");
        text.ShouldContain("๒. ช่องทางร้องเรียนไม่ชัดเจน");
        text.ShouldContain("การมีส่วนร่วมของประชาชน");
        var header = body.Elements<Table>().Single().Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText).ToList();
        header.ShouldContain("หน่วยงานผู้รับผิดชอบ");
        header.ShouldContain("การกำกับติดตามและการรายงานผล");
    }

    [Fact]
    public async Task Carry_over_copies_last_years_measures_as_drafts_once()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await editor.ImportSeedAsync(tenant);

        for (var run = 0; run < 2; run++)
        {
            var response = await editor.PostFormAsync($"/t/{tenant.Slug}/reports?handler=CarryOver&year=2567", [], $"/t/{tenant.Slug}/reports?year=2567");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var source = await factory.MeasuresAsync(tenant, 2566);
        var copies = await factory.MeasuresAsync(tenant, 2567);
        copies.Count.ShouldBe(5);
        foreach (var (copy, original) in copies.Zip(source))
        {
            copy.Title.ShouldBe(original.Title);
            copy.Steps.ShouldBe(original.Steps);
            copy.ResponsibleUnits.Select(u => u.Id).Order().ShouldBe(original.ResponsibleUnits.Select(u => u.Id).Order());
            copy.PeriodFrom.ShouldBe(original.PeriodFrom.AddYears(1));
            copy.Status.ShouldBe(MeasureStatus.Planned);
            copy.ResultPoints.ShouldBeEmpty();
            copy.Outcome.ShouldBeNull();
            // 2566 O42 and 2567 O35 lead on to 2569 O25/O26 over manuals whose codes are not known: no 2567/2568 code to give.
            copy.ItaItems.ShouldBeEmpty();
        }

        (await factory.MeasuresAsync(tenant, 2566)).Count.ShouldBe(5, "the old year is untouched");
    }

    [Fact]
    public async Task Evidence_links_are_written_with_their_address_titled_or_not_in_every_format()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var input = MeasureInputs.Valid() with
        {
            ResponsibleUnitIds = [tenant.UnitIds[0]],
            EvidenceLinks = [new("https://wiangha.go.th/complaints", "หน้าช่องทางร้องเรียน"), new("https://wiangha.go.th/news/7", null)],
        };
        (await editor.SendJsonAsync(HttpMethod.Post, $"/api/v1/t/{tenant.Slug}/measures", input)).StatusCode.ShouldBe(HttpStatusCode.Created);
        string[] expected = ["ประชาชนร้องเรียนได้สะดวกขึ้น", "หลักฐาน: หน้าช่องทางร้องเรียน https://wiangha.go.th/complaints", "หลักฐาน: https://wiangha.go.th/news/7"];

        using (var stream = new MemoryStream(await (await editor.Http.GetAsync($"/t/{tenant.Slug}/reports/2568/results.docx")).Content.ReadAsByteArrayAsync()))
        using (var word = WordprocessingDocument.Open(stream, false))
        {
            var row = word.MainDocumentPart!.Document!.Body!.Elements<Table>().Single().Elements<TableRow>().ElementAt(1);
            row.Elements<TableCell>().Last().Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ShouldBe(expected);
        }

        using (var stream = new MemoryStream(await (await editor.Http.GetAsync($"/t/{tenant.Slug}/reports/2568/results.xlsx")).Content.ReadAsByteArrayAsync()))
        {
            var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => v?.ToString() ?? "").ToList()).ToList();
            // The measure's row is the one after the header row (title rows come first).
            var header = rows.FindIndex(r => r[0] == Headers[0]);
            rows[header + 1][^1].ShouldBe(string.Join('\n', expected));
        }

        var print = await editor.GetPageAsync($"/t/{tenant.Slug}/reports/2568/results/print");
        print.QuerySelector("[data-testid=report-row]")!.TextContent.ShouldContain("หลักฐาน: https://wiangha.go.th/news/7");
        (await editor.PostFormAsync($"/t/{tenant.Slug}/reports?handler=Publication&year=2568",
            [new("Publication.RoundMonths", "12"), new("Publication.ThaiDigits", "true"), new("Publication.IsPublished", "true"), new("Publication.PublishResults", "true")],
            $"/t/{tenant.Slug}/reports?year=2568")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var published = await BrowserlessClient.Anonymous(factory).GetPageAsync($"/p/{tenant.Slug}/2568");
        published.QuerySelector("[data-testid=report-row]")!.TextContent.ShouldContain("หลักฐาน: https://wiangha.go.th/news/7");
    }

    [Fact]
    public async Task Without_an_earlier_year_of_measures_the_carry_over_names_no_year_0()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateMeasureAsync(tenant, "มาตรการปีแรก", 2566);
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var note = (await editor.GetPageAsync($"/t/{tenant.Slug}/reports?year=2566")).QuerySelector("[data-testid=carry-over-note]")!.TextContent;

        note.ShouldBe("ยังไม่มีปีงบประมาณก่อนปี 2566 ที่มีมาตรการให้คัดลอก");
        (await editor.GetPageAsync($"/t/{tenant.Slug}/reports?year=2567")).QuerySelector("[data-testid=carry-over-note]")!.TextContent
            .ShouldContain("ปีล่าสุดที่มี: 2566, 1 มาตรการ");
    }
}
