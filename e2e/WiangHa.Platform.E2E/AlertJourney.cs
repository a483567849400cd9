using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace WiangHa.Platform.E2E;

/// <summary>
/// The clerk of Wiang Ha after the morning's alert: the bell shows the unread count, the notification says what is
/// still failing before which ITA milestone, and following it lands on the item to fix. Screenshots of each step.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task Clerk_sees_the_bell_count_opens_the_alert_and_lands_on_the_failing_item()
    {
        var page = await fixture.NewPageAsync();
        // The pages run under a Content-Security-Policy without inline script: any violation is a defect.
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("อีเมล").FillAsync("clerk@wiangha.demo");
        await page.GetByLabel("รหัสผ่าน").FillAsync("Demo-WiangHa-2569");
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await page.WaitForURLAsync("**/t/wiangha");

        // The demo ran the latest alert morning of the season: Wiang Ha still fails items of the newest manual.
        var count = page.Locator("[data-testid=unread-count]");
        (await count.TextContentAsync())!.Trim().ShouldBe("1");
        await page.Locator("[data-testid=bell]").ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "alerts-bell.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "alerts-home-with-bell.png") });

        await page.Locator("[data-testid=bell]").ClickAsync();
        await page.WaitForURLAsync("**/notifications");
        var notification = page.Locator("[data-testid=notification][data-unread=true]");
        (await notification.CountAsync()).ShouldBe(1);
        var text = (await notification.TextContentAsync())!;
        text.ShouldContain("เวียงห้า");
        text.ShouldMatch(new Regex(@"\[ITA 25\d\d\] .+(อีก \d+ วัน|พรุ่งนี้|เลยกำหนดแล้ว)").ToString());
        text.ShouldContain("ข้อที่ยังไม่ผ่าน");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "alerts-notification-centre.png"), FullPage = true });

        await notification.Locator("[data-testid=open-notification]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/t/wiangha/compliance/\d{4}/items/O\d+$"));
        var code = Regex.Match(page.Url, @"items/(O\d+)$").Groups[1].Value;
        (await page.Locator("h1").TextContentAsync())!.ShouldContain(code);
        (await page.Locator("[data-testid=unread-count]").CountAsync()).ShouldBe(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "alerts-failing-item.png"), FullPage = true });

        // The year picker submits itself (js/site.js, allowed by the policy): the checklist of another year opens.
        await page.GotoAsync("/t/wiangha/compliance");
        await page.Locator("select#year").SelectOptionAsync("2566");
        await page.WaitForURLAsync("**/t/wiangha/compliance?year=2566");
        violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Admin_chooses_who_gets_alerts_and_connects_the_laos_line_account_and_a_webhook()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("อีเมล").FillAsync("admin@wiangha.demo");
        await page.GetByLabel("รหัสผ่าน").FillAsync("Demo-WiangHa-2569");
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await page.WaitForURLAsync("**/t/wiangha");

        await page.GotoAsync("/t/wiangha/alerts");
        (await page.Locator("[data-testid=reception-table] tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "alerts-settings.png"), FullPage = true });

        // A token shaped like LINE's; the group id the account pushes to.
        await page.Locator("#line-token").FillAsync("e2e" + new string('x', 150));
        await page.Locator("#line-target").FillAsync("C0123456789abcdef0123456789abcdef");
        await page.GetByRole(AriaRole.Button, new() { Name = "เชื่อมต่อ LINE" }).ClickAsync();
        await page.WaitForURLAsync("**/t/wiangha/alerts");
        (await page.Locator("[data-testid=sent-this-month]").First.TextContentAsync())!.Trim().ShouldBe("0 / 300");
        (await page.ContentAsync()).ShouldNotContain("e2e" + new string('x', 150));

        await page.Locator("#webhook-url").FillAsync("https://bridge.example.go.th/hooks/wiangha");
        await page.GetByRole(AriaRole.Button, new() { Name = "เชื่อมต่อ webhook" }).ClickAsync();
        var key = (await page.Locator("[data-testid=webhook-key]").TextContentAsync())!.Trim();
        key.Length.ShouldBeGreaterThan(30);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "alerts-settings-connected.png"), FullPage = true });

        // Shown once: the page opened again never shows the key.
        await page.GotoAsync("/t/wiangha/alerts");
        (await page.ContentAsync()).ShouldNotContain(key);
    }
}
