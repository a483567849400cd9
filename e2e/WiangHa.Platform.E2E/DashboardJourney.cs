using System.Text;
using Microsoft.Playwright;

namespace WiangHa.Platform.E2E;

[Collection(BrowserCollection.Name)]
public sealed class DashboardJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task Chiang_Rai_supervisor_opens_the_map_drills_into_the_province_filters_at_risk_opens_Wiang_Ha_read_only_and_exports()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("อีเมล").FillAsync("supervisor@chiangrai.demo");
        await page.GetByLabel("รหัสผ่าน").FillAsync("Demo-WiangHa-2569");
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        // Supervisors must use two-factor sign-in: enrolment comes first, then their province.
        await page.WaitForURLAsync("**/account/security?required=1");
        var key = (await page.Locator("[data-testid=shared-key]").TextContentAsync())!;
        await page.Locator("[data-testid='2fa-code']").FillAsync(WiangHa.Platform.TestSupport.Authenticator.Code(key));
        await page.Locator("[data-testid='2fa-enable']").ClickAsync();
        (await page.Locator("[data-testid=recovery-codes]").CountAsync()).ShouldBe(1);
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/dashboards/provinces/57");

        // The national map: every province coloured, Chiang Rai clickable (the supervisor's province), others not.
        await page.Locator("[data-testid=nav-national]").ClickAsync();
        await page.WaitForURLAsync("**/dashboards");
        (await page.Locator("[data-testid=map] path").CountAsync()).ShouldBeGreaterThanOrEqualTo(77);
        (await page.Locator("[data-testid=map] a").CountAsync()).ShouldBe(1);
        (await page.Locator("[data-testid=map-attribution]").TextContentAsync())!.ShouldContain("CC BY 4.0");
        (await page.Locator("[data-testid=province-57]").TextContentAsync())!.ShouldContain("เชียงราย");
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-national-map.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-national-first-screen.png") });

        // Chiang Rai: all 144 LAOs of the registry, grouped by district.
        await page.Locator("[data-testid=map-57]").ClickAsync();
        await page.WaitForURLAsync("**/dashboards/provinces/57?year=*");
        (await page.Locator("[data-testid=lao-table] tr[data-readiness]").CountAsync()).ShouldBe(144);
        (await page.Locator("[data-testid=province-name]").TextContentAsync())!.ShouldContain("เชียงราย");

        // Sorted by score, lowest first: the scores read in ascending order.
        await page.Locator("[data-testid=sort-score]").ClickAsync();
        await page.WaitForURLAsync("**sort=score**");
        var scores = (await page.Locator("[data-testid=lao-table] tr[data-readiness] [data-testid=score] .badge").AllTextContentsAsync())
            .Select(s => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        scores.Count.ShouldBeGreaterThan(100);
        scores.ShouldBe(scores.Order().ToList());
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-province.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-province-first-screen.png") });

        // Filter "at risk": every row left is at risk, with its reason, Wiang Ha among them.
        await page.Locator("[data-testid=filter-status]").SelectOptionAsync("AtRisk");
        await page.Locator("[data-testid=apply-filters]").ClickAsync();
        await page.WaitForURLAsync("**status=AtRisk**");
        var readiness = await page.Locator("[data-testid=lao-table] tr[data-readiness]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.readiness)");
        readiness.Length.ShouldBeGreaterThan(0);
        readiness.ShouldAllBe(r => r == "AtRisk");

        // Wiang Ha read-only: its checklist opens with the read-only mark and no way to change anything.
        await page.Locator("[data-testid=open-wiangha]").ClickAsync();
        await page.WaitForURLAsync("**/t/wiangha/compliance**");
        (await page.Locator("[data-testid=read-only]").TextContentAsync())!.ShouldContain("อ่านอย่างเดียว");
        (await page.Locator("[data-testid=check-now]").CountAsync()).ShouldBe(0);
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-drilldown-wiangha.png"), FullPage = true });

        // The heat map of items × LAOs.
        await page.GotoAsync("/dashboards/provinces/57/items");
        (await page.Locator("[data-testid=heatmap] td.c.f").CountAsync()).ShouldBeGreaterThan(0);
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-heatmap.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Artifact("dashboard-heatmap-first-screen.png") });

        // Export the province's table: a CSV Excel opens with its Thai intact.
        await page.GotoAsync("/dashboards/provinces/57");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-csv]").ClickAsync());
        var csv = Artifact("dashboard-chiangrai.csv");
        await download.SaveAsAsync(csv);
        var bytes = await File.ReadAllBytesAsync(csv);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldContain("เวียงห้า");
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(145);
    }

    private static string Artifact(string name) => Path.Combine(PlatformProcess.ArtifactsDirectory, name);
}
