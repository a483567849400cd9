using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Compliance;

/// <summary>
/// The ITAS answer sheet lists every item of the year in the manual's order with the answers exactly as stored — the
/// clerk copies them into ITAS, so a trimmed space or a lost line would be typed wrong — marks what is not ready, and
/// gives the same in XLSX.
/// </summary>
public sealed class ItasSheetTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private const int Year = 2566;

    [Fact]
    public async Task The_sheet_lists_every_item_in_order_with_the_exact_stored_answers()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        // Inner line breaks and double spaces are kept as stored (the handler trims only the ends).
        const string explanation = "หน้าแรก > ข้อมูลพื้นฐาน\nบรรทัดที่ ๒ — \"ผังโครงสร้าง\"  &  อำนาจหน้าที่";
        const string structure = "https://wiangha.go.th/structure?a=1&b=ไทย";
        await SaveAsync(tenant, "O1", DisclosureAnswer.Yes, [structure, "https://wiangha.go.th/structure-2"], explanation);
        await SaveAsync(tenant, "O2", DisclosureAnswer.No, [], null);
        await RecordLinkCheckAsync(tenant, structure);
        await factory.Data.CreateComplianceRunAsync(tenant);
        var clerk = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var page = await clerk.GetPageAsync($"/t/{tenant.Slug}/compliance/{Year}/itas");

        var expectedCodes = await ItemCodesAsync();
        var rows = page.QuerySelectorAll("[data-testid=itas-row]");
        rows.Select(r => r.GetAttribute("data-code")).ShouldBe(expectedCodes);
        var o1 = rows.Single(r => r.GetAttribute("data-code") == "O1");
        o1.QuerySelector("[data-testid=itas-answer]")!.TextContent.ShouldBe("มี");
        o1.QuerySelectorAll("[data-testid=itas-url]").Select(u => u.TextContent).ShouldBe([structure, "https://wiangha.go.th/structure-2"]);
        o1.QuerySelector("[data-testid=itas-explanation]")!.TextContent.ShouldBe(explanation);
        CopyValues(o1).ShouldBe(["มี", structure, "https://wiangha.go.th/structure-2", explanation]);
        o1.QuerySelectorAll("[data-testid=itas-link-check]").Select(c => c.TextContent).ShouldSatisfyAllConditions(
            checks => checks.First().ShouldStartWith("เปิดได้ (200)"),
            checks => checks.Last().ShouldBe("ยังไม่ได้ตรวจลิงก์"));
        var o2 = rows.Single(r => r.GetAttribute("data-code") == "O2");
        o2.QuerySelector("[data-testid=itas-answer]")!.TextContent.ShouldBe("ไม่มี");
        o2.GetAttribute("data-ready").ShouldBe("false");
        o2.QuerySelector("[data-testid=itas-ready]")!.TextContent.ShouldBe("ยังไม่พร้อม");
        rows.Single(r => r.GetAttribute("data-code") == "O3").QuerySelector("[data-testid=itas-answer]")!.TextContent.ShouldBe("ยังไม่ตอบ");
        page.QuerySelector("[data-testid=itas-summary]")!.TextContent.ShouldContain($"พร้อมส่ง 0 จาก");

        var file = await clerk.Http.GetAsync($"/t/{tenant.Slug}/compliance/{Year}/itas?handler=xlsx");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = await file.Content.ReadAsStreamAsync();
        var sheet = (await stream.QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        sheet.Select(r => (string)r["ข้อ"]!).ShouldBe(expectedCodes);
        sheet[0]["URL"].ShouldBe($"{structure}\nhttps://wiangha.go.th/structure-2");
        sheet[0]["คำอธิบายเพิ่มเติม"].ShouldBe(explanation);
        sheet[1]["คำตอบ"].ShouldBe("ไม่มี");
    }

    [Fact]
    public async Task A_year_without_a_published_manual_has_no_sheet_and_another_LAO_cannot_read_it()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var other = await factory.Data.CreateTenantAsync();
        await SaveAsync(tenant, "O1", DisclosureAnswer.Yes, ["https://secret.example/only-ours"], "ของเราเท่านั้น");

        var clerk = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        (await clerk.Http.GetAsync($"/t/{tenant.Slug}/compliance/2400/itas")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var stranger = await BrowserlessClient.SignedInAsync(factory, other.Admin);
        var theirs = await stranger.Http.GetAsync($"/t/{tenant.Slug}/compliance/{Year}/itas");
        theirs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await theirs.Content.ReadAsStringAsync()).ShouldNotContain("only-ours");
        var own = await stranger.GetPageAsync($"/t/{other.Slug}/compliance/{Year}/itas");
        own.QuerySelectorAll("[data-testid=itas-url]").ShouldBeEmpty();
    }

    private static List<string> CopyValues(IElement row) =>
        row.QuerySelectorAll("[data-copy]").Select(b => b.GetAttribute("data-copy")!).ToList();

    private async Task<List<string>> ItemCodesAsync()
    {
        await using var scope = factory.Scope();
        var manual = await scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>().PublishedAsync(Year);
        return manual!.Catalogue.AllItems().Select(i => i.Code).ToList();
    }

    private async Task SaveAsync(TestTenant tenant, string code, DisclosureAnswer answer, string[] urls, string? explanation)
    {
        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            var result = await scope.ServiceProvider.GetRequiredService<SaveItemDisclosureHandler>()
                .HandleAsync(new DisclosureInput(Year, code, answer, urls, explanation));
            result.ShouldBeOfType<CommandResult.Success>();
        }
    }

    /// <summary>What the link sweep would have stored for a page that opened.</summary>
    private async Task RecordLinkCheckAsync(TestTenant tenant, string url)
    {
        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.LinkChecks.Add(new LinkCheck { Url = url, Outcome = LinkOutcome.Ok, StatusCode = 200, IsText = true, CheckedAt = factory.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
    }
}
