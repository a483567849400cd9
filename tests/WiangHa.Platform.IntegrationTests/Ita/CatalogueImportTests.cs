using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Ita;

/// <summary>Operators import a year's catalogue (JSON or XLSX): validated, previewed as a draft, published.</summary>
public sealed class CatalogueImportTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static string Json(ItaCatalogue c) => ItaCatalogueFormats.ToJson(c);

    /// <summary>A made-up ITA 2570 manual: the year now coming, set up by import alone.</summary>
    private static ItaCatalogue Made2570(string o1Title = "โครงสร้างและอำนาจหน้าที่") => new()
    {
        Year = 2570,
        Title = "คู่มือการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2570 (ทดสอบ)",
        Indicators =
        [
            new ItaIndicator
            {
                Code = "1", Title = "การเปิดเผยข้อมูลสาธารณะ",
                SubIndicators =
                [
                    new ItaSubIndicator { Code = "1.1", Title = "ข้อมูลพื้นฐาน", Items = [new() { Code = "O1", Title = o1Title, Elements = [new() { Text = "แผนผังโครงสร้าง", Confirmed = true }] }] },
                    new ItaSubIndicator
                    {
                        Code = "1.2", Title = "คุณธรรม",
                        Items = [new() { Code = "O2", Title = "รายงานผลตามมาตรการ", Kind = ItaItemKind.MeasuresReport, DataYear = new ItaDataYearRule { Offset = -1, Text = "ปีงบประมาณ พ.ศ. 2569" } }],
                    },
                ],
            },
        ],
        Scoring = new ItaScoring { PassMark = 90, Tiers = [new() { Name = "ผ่าน", MinScore = 90 }, new() { Name = "ไม่ผ่าน", MinScore = 0 }] },
    };

    private static async Task<HttpResponseMessage> UploadAsync(BrowserlessClient client, string fileName, byte[] content)
    {
        var token = await client.AntiforgeryTokenAsync("/operator/ita-manuals");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync("/operator/ita-manuals?handler=Import", form);
    }

    private async Task<int> VersionCountAsync()
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ItaManualVersions.CountAsync();
    }

    private async Task<BrowserlessClient> OperatorAsync()
    {
        var (operatorUser, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        return await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, key);
    }

    [Fact]
    public async Task Shipped_catalogues_are_published_at_migration_through_the_import_path()
    {
        await using var scope = factory.Scope();
        var queries = scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>();
        (await queries.PublishedYearsAsync()).ShouldBe([2569, 2568, 2567, 2566], ignoreOrder: true);
        var versions = await queries.VersionsAsync();
        versions.Where(v => v.Year <= 2569).ShouldAllBe(v => v.CreatedBy == ShippedCatalogues.SystemUser && v.SourceFileName!.StartsWith("ita-", StringComparison.Ordinal));
        var texts = scope.ServiceProvider.GetRequiredService<IItaItemTexts>();
        var o35 = await texts.FindAsync(2567, "O35");
        o35!.SubIndicatorCode.ShouldBe("10.2");
        o35.DataYearRule.ShouldBe("เป็นการดำเนินการในปี พ.ศ. 2566");
        o35.ElementsConfirmed.ShouldBeFalse();
        (await texts.FindAsync(2566, "O42"))!.RequiredElements.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_made_up_2570_manual_is_imported_previewed_published_and_used_by_the_checks_without_code_change()
    {
        var client = await OperatorAsync();
        var response = await UploadAsync(client, "ita-2570.json", Encoding.UTF8.GetBytes(Json(Made2570())));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var versionUrl = response.Headers.Location!.OriginalString;

        var preview = await client.GetPageAsync(versionUrl);
        preview.QuerySelector("[data-testid=version-status]")!.TextContent.ShouldContain("ร่าง");
        preview.QuerySelectorAll("[data-testid=catalogue-item]").Select(e => e.GetAttribute("data-code")).ShouldBe(["O1", "O2"]);

        var tenant = await factory.Data.CreateTenantAsync();
        await using (var scope = factory.Scope())
        {
            // A draft is used by nothing.
            (await scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>().PublishedAsync(2570)).ShouldBeNull();
        }

        var publish = await client.PostFormAsync(versionUrl + "/publish", [], versionUrl + "/publish");
        publish.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(versionUrl)).QuerySelector("[data-testid=version-status]")!.TextContent.ShouldContain("เผยแพร่แล้ว");

        await factory.Data.CreateDisclosureAsync(tenant, 2570, "O1", "https://lao.example/structure");
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var checklist = await editor.GetPageAsync($"/t/{tenant.Slug}/compliance?year=2570");
        checklist.QuerySelectorAll("[data-testid=item-row]").Select(e => e.GetAttribute("data-code")).ShouldBe(["O1", "O2"]);

        await using (var scope = factory.Scope())
        {
            var organisation = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Organisations.SingleAsync(o => o.Id == tenant.Id);
            await scope.ServiceProvider.GetRequiredService<ComplianceRunner>().RunTenantAsync(organisation, "test:2570", ComplianceRunKind.Nightly);
            using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
            {
                var run = await scope.ServiceProvider.GetRequiredService<ComplianceQueries>().LatestRunAsync(2570);
                run!.Results.Select(r => r.ItemCode).ShouldBe(["O1", "O2"], ignoreOrder: true);
                run.Results.Single(r => r.ItemCode == "O1").Status.ShouldBe(ComplianceStatus.Warning); // link not checked yet
                run.Results.Single(r => r.ItemCode == "O2").Status.ShouldBe(ComplianceStatus.Fail);
                run.Score.ShouldBe(0m); // O1 passes only once its link is checked: a warning scores 0 (ADR 0006)
                run.Rating.ShouldBe("ไม่ผ่าน"); // the 2570 file's own tiers and pass mark (90)
            }
        }
    }

    [Fact]
    public async Task Publishing_a_correction_creates_a_new_version_and_past_results_keep_theirs()
    {
        var client = await OperatorAsync();
        var catalogue = Made2570() with { Year = 2571, Title = "คู่มือ 2571" };
        (await UploadAsync(client, "a.json", Encoding.UTF8.GetBytes(Json(catalogue)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tenant = await factory.Data.CreateTenantAsync();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var first = await db.ItaManualVersions.SingleAsync(v => v.Year == 2571);
        await scope.ServiceProvider.GetRequiredService<PublishItaManualVersionHandler>().HandleAsync(first.Id, "test");
        var organisation = await db.Organisations.SingleAsync(o => o.Id == tenant.Id);
        var runner = scope.ServiceProvider.GetRequiredService<ComplianceRunner>();
        await runner.RunTenantAsync(organisation, "before", ComplianceRunKind.Nightly);

        var corrected = Made2570("โครงสร้าง (แก้ไข)") with { Year = 2571, Title = "คู่มือ 2571" };
        (await UploadAsync(client, "b.xlsx", ItaCatalogueFormats.ToXlsx(corrected))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = await db.ItaManualVersions.AsNoTracking().SingleAsync(v => v.Year == 2571 && v.Number == 2);
        await scope.ServiceProvider.GetRequiredService<PublishItaManualVersionHandler>().HandleAsync(second.Id, "test");
        await runner.RunTenantAsync(organisation, "after", ComplianceRunKind.Nightly);

        var compare = await client.GetPageAsync("/operator/ita-manuals/compare?year=2571&from=1&to=2");
        compare.QuerySelectorAll("[data-testid=change]").Select(e => (e.GetAttribute("data-code"), e.GetAttribute("data-change"))).ShouldBe([("O1", "changed")]);

        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            var runs = await db.ComplianceRuns.AsNoTracking().Where(r => r.AssessmentYear == 2571).OrderBy(r => r.ManualVersionNumber).ToListAsync();
            runs.Select(r => (r.Slot, r.ManualVersionNumber)).ShouldBe([("before", 1), ("after", 2)]);
            runs[0].ManualVersionId.ShouldBe(first.Id);
        }

        (await db.ItaManualVersions.AsNoTracking().SingleAsync(v => v.Id == first.Id)).Document.ShouldBe(first.Document);
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "unknown indicator", "x.json", Json(Made2570() with { Indicators = [Made2570().Indicators[0] with { SubIndicators = [new ItaSubIndicator { Code = "7.1", Title = "อื่น", Items = [new() { Code = "O9", Title = "ก" }] }] }] }) },
        { "duplicate code", "x.json", Json(Made2570() with { Indicators = [Made2570().Indicators[0] with { SubIndicators = [new ItaSubIndicator { Code = "1.1", Title = "ก", Items = [new() { Code = "O1", Title = "ก" }, new() { Code = "o1", Title = "ข" }] }] }] }) },
        { "missing title", "x.json", Json(Made2570() with { Indicators = [Made2570().Indicators[0] with { SubIndicators = [new ItaSubIndicator { Code = "1.1", Title = "ก", Items = [new() { Code = "O1", Title = "" }] }] }] }) },
        { "bad json", "x.json", "{ \"year\": 2570, \"title\": \"ขาดวงเล็บ\", " },
        { "wrong type", "x.json", "{ \"year\": \"สองพันห้าร้อยเจ็ดสิบ\" }" },
        { "bad xlsx", "x.xlsx", "PK\u0003\u0004 not really a workbook" },
        { "other format", "x.csv", "year,title" },
        { "null indicator", "x.json", "{ \"year\": 2570, \"title\": \"ก\", \"indicators\": [null] }" },
        { "null items", "x.json", "{ \"year\": 2570, \"title\": \"ก\", \"indicators\": [{ \"code\": \"9\", \"subIndicators\": [{ \"items\": [null] }] }] }" },
        { "null list", "x.json", "{ \"year\": 2570, \"title\": \"ก\", \"indicators\": null }" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_rejected_with_its_message_and_nothing_is_imported(string kind, string fileName, string content)
    {
        var client = await OperatorAsync();
        var before = await VersionCountAsync();
        var response = await UploadAsync(client, fileName, Encoding.UTF8.GetBytes(content));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, kind);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var errors = page.QuerySelector("[data-testid=import-errors]")!.TextContent;
        var expected = kind switch
        {
            "unknown indicator" => "อ้างถึงตัวชี้วัด 7 ซึ่งไม่มีในคู่มือนี้",
            "duplicate code" => "รหัสข้อซ้ำ: o1",
            "missing title" => "ข้อ O1 ไม่มีชื่อข้อ (title)",
            "bad json" or "wrong type" => "อ่านไฟล์ JSON ไม่ได้",
            "bad xlsx" => "อ่านไฟล์ Excel (.xlsx) ไม่ได้",
            "null indicator" or "null items" or "null list" => "มีรายการว่าง (null)",
            _ => "รองรับเฉพาะไฟล์ .json หรือ .xlsx",
        };
        errors.ShouldContain(expected, Case.Sensitive, kind);
        (await VersionCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_xlsx_without_a_title_is_rejected_and_imports_nothing()
    {
        var client = await OperatorAsync();
        var before = await VersionCountAsync();
        var xlsx = ItaCatalogueFormats.ToXlsx(Made2570());
        ItaCatalogueFormats.ParseXlsx(new MemoryStream(xlsx)).Catalogue!.AllItems().Count().ShouldBe(2); // the template round-trips
        var response = await UploadAsync(client, "bad.xlsx", ItaCatalogueFormats.ToXlsx(Made2570() with { Title = "" }));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("ไม่มีชื่อคู่มือ (title)");
        (await VersionCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Catalogue_pages_are_for_operators_only()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var clerk = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var response = await clerk.Http.GetAsync("/operator/ita-manuals");
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.OriginalString.ShouldContain("/status/403");
        }
    }
}
