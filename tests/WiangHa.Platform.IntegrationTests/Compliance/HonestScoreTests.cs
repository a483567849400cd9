using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Compliance;

/// <summary>
/// Issue 12: the score card tells the truth. No headline from a manual with unknown items, a dead link fails (unless
/// operators set the year to warn only), the card belongs to the latest published version, research notes stay with
/// operators, and the checklist opens on the current ITA year. Each test uses its own made-up year.
/// </summary>
public sealed class HonestScoreTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    /// <summary>A complete made-up manual of <paramref name="year"/> with the given disclosure items.</summary>
    private static ItaCatalogue Manual(int year, params string[] codes) => new()
    {
        Year = year,
        Title = $"คู่มือ ITA {year} (ทดสอบ)",
        Indicators =
        [
            new ItaIndicator
            {
                Code = "9", Title = "การเปิดเผยข้อมูล",
                SubIndicators = [new ItaSubIndicator { Code = "9.1", Title = "ข้อมูลพื้นฐาน", Items = [.. codes.Select(c => new ItaItem { Code = c, Title = $"ข้อ {c}" })] }],
            },
        ],
        Scoring = new ItaScoring { PassMark = 85, Tiers = [new() { Name = "ผ่าน", MinScore = 85 }, new() { Name = "ไม่ผ่าน", MinScore = 0 }] },
    };

    private async Task PublishAsync(ItaCatalogue catalogue, string by = "test operator")
    {
        await using var scope = factory.Scope();
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ItaCatalogueFormats.ToJson(catalogue)));
        var imported = (await scope.ServiceProvider.GetRequiredService<ImportItaCatalogueHandler>().HandleAsync(file, $"ita-{catalogue.Year}.json", by))
            .ShouldBeOfType<ItaCatalogueImported>();
        await scope.ServiceProvider.GetRequiredService<PublishItaManualVersionHandler>().HandleAsync(imported.VersionId, by);
    }

    private async Task<BrowserlessClient> OperatorAsync()
    {
        var (user, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        return await BrowserlessClient.SignedInAsync(factory, user.Email, TestData.Password, key);
    }

    /// <summary>Presses "check now" on the checklist and follows the status fragment until the run is done (bounded).</summary>
    private static async Task CheckNowAsync(BrowserlessClient client, TestTenant tenant, int year)
    {
        var page = $"/t/{tenant.Slug}/compliance?year={year}";
        var response = await client.PostFormAsync($"/t/{tenant.Slug}/compliance?handler=CheckNow&year={year}", [], page);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        var runId = location[(location.IndexOf("run=", StringComparison.Ordinal) + 4)..];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await poll.WaitForNextTickAsync(timeout.Token))
        {
            var fragment = await client.GetPageAsync($"/t/{tenant.Slug}/compliance/runs/{runId}/status");
            if (fragment.QuerySelector("[data-testid=run-status]")!.GetAttribute("data-state") is nameof(ComplianceRunState.Completed) or nameof(ComplianceRunState.Failed))
            {
                return;
            }
        }
    }

    private static string? Status(AngleSharp.Html.Dom.IHtmlDocument page, string code) =>
        page.QuerySelector($"[data-testid=item-row][data-code={code}]")!.GetAttribute("data-status");

    [Fact]
    public async Task An_incomplete_manual_shows_item_results_but_no_headline_score_and_says_why_in_thai()
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/o1", () => Results.Content("<html>โครงสร้าง ปี 2567</html>", "text/html")));
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateDisclosureAsync(tenant, 2567, "O1", server.Url("/o1"));
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        await CheckNowAsync(editor, tenant, 2567);

        var page = await editor.GetPageAsync($"/t/{tenant.Slug}/compliance?year=2567");
        Status(page, "O1").ShouldBe(nameof(ComplianceStatus.Pass)); // per-item results still shown
        page.QuerySelector("[data-testid=score]").ShouldBeNull();     // but no "25.00" or "100.00" headline
        page.QuerySelector("[data-testid=rating]").ShouldBeNull();
        var reason = page.QuerySelector("[data-testid=no-score-reason]")!.TextContent;
        reason.ShouldContain("คู่มือปี 2567 ยังมีข้อที่ไม่ทราบ (O4–O34)");
        reason.ShouldContain("จึงยังคำนวณคะแนนคาดการณ์ไม่ได้");
        page.QuerySelector("[data-testid=summary]")!.TextContent.ShouldContain("ผ่าน 1 · เสี่ยง 0 · ไม่ผ่าน 3 จาก 4 ข้อ ที่ทราบ");
    }

    [Fact]
    public async Task A_url_that_cannot_be_reached_fails_the_item_and_warns_only_when_an_operator_says_so()
    {
        await PublishAsync(Manual(2571, "O1", "O2"));
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateDisclosureAsync(tenant, 2571, "O1", $"http://127.0.0.1:{LinkCheckerTests.ClosedPort()}/structure");
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        await CheckNowAsync(editor, tenant, 2571);
        var page = await editor.GetPageAsync($"/t/{tenant.Slug}/compliance?year=2571");
        Status(page, "O1").ShouldBe(nameof(ComplianceStatus.Fail));
        var row = page.QuerySelector("[data-testid=item-row][data-code=O1]")!.TextContent;
        row.ShouldContain("เปิดลิงก์");
        row.ShouldContain("ผู้ประเมินเปิดไม่ได้ก็จะให้ 0 คะแนน");
        page.QuerySelector("[data-testid=score]")!.TextContent.ShouldBe("0.00");

        // The operator sets 2571 to "warn only" (say, the checker's network is down for the season).
        var operatorClient = await OperatorAsync();
        var set = await operatorClient.PostFormAsync("/operator/ita-manuals?handler=LinkPolicy", [new("year", "2571"), new("warnOnly", "true")], "/operator/ita-manuals");
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await operatorClient.GetPageAsync("/operator/ita-manuals")).QuerySelector("[data-testid=manual-setting][data-year='2571']")!.TextContent.ShouldContain("เตือนเท่านั้น");

        await CheckNowAsync(editor, tenant, 2571);
        page = await editor.GetPageAsync($"/t/{tenant.Slug}/compliance?year=2571");
        Status(page, "O1").ShouldBe(nameof(ComplianceStatus.Warning));
        page.QuerySelector("[data-testid=item-row][data-code=O1]")!.TextContent.ShouldContain("ตั้งให้ลิงก์ที่เปิดไม่ได้เป็นเพียงคำเตือน");
        // A warning is a risk, not points: the score stays 0 over 2 items.
        page.QuerySelector("[data-testid=score]")!.TextContent.ShouldBe("0.00");
        page.QuerySelector("[data-testid=summary]")!.TextContent.ShouldContain("ผ่าน 0 · เสี่ยง 1 · ไม่ผ่าน 1 จาก 2 ข้อ");
    }

    [Fact]
    public async Task The_score_card_belongs_to_the_latest_published_version()
    {
        await using var server = await LocalWebServer.StartAsync(app => app.MapGet("/o1", () => Results.Content("<html>โครงสร้าง</html>", "text/html")));
        await PublishAsync(Manual(2572, "O1"));
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateDisclosureAsync(tenant, 2572, "O1", server.Url("/o1"));
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await CheckNowAsync(editor, tenant, 2572);
        var page = await editor.GetPageAsync($"/t/{tenant.Slug}/compliance?year=2572");
        page.QuerySelector("[data-testid=score]")!.TextContent.ShouldBe("100.00");

        // A corrected manual with one more item is published: the old 100.00 over 1 item must not stand for it.
        await PublishAsync(Manual(2572, "O1", "O2"));
        page = await editor.GetPageAsync($"/t/{tenant.Slug}/compliance?year=2572");
        page.QuerySelector("[data-testid=score]").ShouldBeNull();
        page.QuerySelector("[data-testid=summary]").ShouldBeNull();
        page.QuerySelector("[data-testid=not-checked-with-version]")!.TextContent.ShouldContain("ยังไม่ได้ตรวจกับคู่มือฉบับที่ 2");
        page.QuerySelector("[data-testid=check-version-now]").ShouldNotBeNull();
        Status(page, "O2").ShouldBe("Unchecked");

        await CheckNowAsync(editor, tenant, 2572);
        page = await editor.GetPageAsync($"/t/{tenant.Slug}/compliance?year=2572");
        page.QuerySelector("[data-testid=score]")!.TextContent.ShouldBe("50.00");
        page.QuerySelector("[data-testid=summary]")!.TextContent.ShouldContain("จาก 2 ข้อ");
    }

    [Fact]
    public async Task Research_notes_reach_operators_but_not_the_laos_pages()
    {
        var source = ShippedCatalogues.Read(2569).Source!;
        var tenant = await factory.Data.CreateTenantAsync();
        var clerk = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        foreach (var url in new[] { $"/t/{tenant.Slug}/compliance?year=2569", $"/t/{tenant.Slug}/compliance/2569/items/O25", $"/t/{tenant.Slug}/compliance?year=2567" })
        {
            var html = await clerk.Http.GetStringAsync(url);
            html.ShouldNotContain("ita.md", customMessage: url);
            html.ShouldNotContain(source, customMessage: url);
            html.ShouldNotContain("§", customMessage: url);
        }

        var checklist = await clerk.GetPageAsync($"/t/{tenant.Slug}/compliance?year=2569");
        checklist.QuerySelector("[data-testid=provisional-note]")!.TextContent.ShouldContain("ยังไม่ได้ยืนยันกับคู่มือ ป.ป.ช.");

        var operatorClient = await OperatorAsync();
        var list = await operatorClient.GetPageAsync("/operator/ita-manuals");
        var version = list.QuerySelector("[data-testid=version-row][data-year='2569'] a")!.GetAttribute("href")!;
        var operatorPage = await operatorClient.GetPageAsync(version);
        operatorPage.QuerySelector("[data-testid=source-note]")!.TextContent.ShouldContain(source);
        operatorPage.QuerySelector("[data-testid=unknown-items]")!.TextContent.ShouldContain("O5–O7");
    }

    [Fact]
    public async Task The_checklist_opens_on_the_current_ita_year_with_the_newest_year_of_data_one_click_away()
    {
        // Pinned clock: 1 December 2026 = fiscal year 2570, the ITA 2570 season to come. Its manual is not out yet.
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateDisclosureAsync(tenant, 2567, "O1", "https://lao.example/o1");
        var clerk = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var page = await clerk.GetPageAsync($"/t/{tenant.Slug}/compliance");
        page.QuerySelector("#year option[selected]")!.TextContent.ShouldBe("2569"); // the newest published, not 2567
        page.QuerySelector("[data-testid=current-year-note]")!.TextContent.ShouldContain("คู่มือ ITA ปี 2570 ยังไม่ประกาศ");
        page.QuerySelector("[data-testid=newest-data-year]")!.GetAttribute("href").ShouldBe($"/t/{tenant.Slug}/compliance?year=2567");
        // A year the clerk chose is not "shown because 2570 is not out": that is 2569, and the note says so.
        var chosen = (await clerk.GetPageAsync($"/t/{tenant.Slug}/compliance?year=2567")).QuerySelector("[data-testid=current-year-note]")!.TextContent;
        chosen.ShouldNotContain("ยังไม่ประกาศ — กำลังแสดงปี 2567");
        chosen.ShouldContain("กำลังแสดงปี 2567 ที่ท่านเลือก");
        chosen.ShouldContain("ระหว่างนี้ใช้คู่มือปี 2569");

        await PublishAsync(Manual(2570, "O1"));
        page = await clerk.GetPageAsync($"/t/{tenant.Slug}/compliance");
        page.QuerySelector("#year option[selected]")!.TextContent.ShouldBe("2570");
        page.QuerySelector("[data-testid=current-year-note]").ShouldBeNull();
    }

    [Fact]
    public async Task An_updated_shipped_catalogue_reaches_a_database_that_has_an_older_one_as_a_new_published_version()
    {
        // A database migrated before this release: its newest 2569 version is the shipped 8-item fragment O19–O26.
        var shipped = ShippedCatalogues.Read(2569);
        var fragment = shipped with
        {
            Complete = true, UnknownItems = [],
            Indicators = [.. shipped.Indicators.Select(i => i with { SubIndicators = [.. i.SubIndicators.Select(s => s with { Items = [.. s.Items.Where(x => int.Parse(x.Code[1..], System.Globalization.CultureInfo.InvariantCulture) >= 19)] }).Where(s => s.Items.Count > 0)] })],
        };
        fragment.AllItems().Count().ShouldBe(8);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var queries = scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>();
        // The fragment is stored as an old release stored it (its document is not checked again by today's validator).
        var manual = await db.ItaManuals.SingleAsync(m => m.Year == 2569);
        var number = await db.ItaManualVersions.Where(v => v.Year == 2569).MaxAsync(v => v.Number) + 1;
        var document = ItaCatalogueFormats.ToJson(fragment);
        db.ItaManualVersions.Add(new ItaManualVersion
        {
            ManualId = manual.Id, Year = 2569, Number = number, Status = ItaManualVersionStatus.Published, Document = document, ContentHash = "old",
            ItemCount = 8, CreatedBy = ShippedCatalogues.SystemUser, CreatedAt = factory.Clock.GetUtcNow(), PublishedAt = factory.Clock.GetUtcNow(),
            PublishedBy = ShippedCatalogues.SystemUser, SourceFileName = "ita-2569.json",
        });
        await db.SaveChangesAsync();
        queries.Forget();
        (await queries.PublishedAsync(2569))!.ItemCount.ShouldBe(8);

        var loader = scope.ServiceProvider.GetRequiredService<ShippedCatalogues>();
        await loader.LoadAsync();
        var latest = (await queries.PublishedAsync(2569))!;
        (latest.Number, latest.ItemCount, latest.CreatedBy).ShouldBe((number + 1, 23, ShippedCatalogues.SystemUser));
        latest.Catalogue.UnknownItemCodes().ShouldBe(["O5", "O6", "O7"]);

        // Loading again adds nothing; neither does it once an operator has imported a version of the year.
        await loader.LoadAsync();
        (await db.ItaManualVersions.CountAsync(v => v.Year == 2569)).ShouldBe(number + 1);
        using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ItaCatalogueFormats.ToJson(shipped with { Title = "แก้โดยผู้ดูแล" })));
        (await scope.ServiceProvider.GetRequiredService<ImportItaCatalogueHandler>().HandleAsync(file, "mine.json", "operator@test")).ShouldBeOfType<ItaCatalogueImported>();
        await loader.LoadAsync();
        (await db.ItaManualVersions.CountAsync(v => v.Year == 2569)).ShouldBe(number + 2);
    }
}
