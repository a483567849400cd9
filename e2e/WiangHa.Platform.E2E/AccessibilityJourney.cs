using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace WiangHa.Platform.E2E;

/// <summary>
/// A platform of its own: this journey enrols the supervisor and the operator in two-factor sign-in, which the other
/// journeys of the shared platform do themselves on their first sign-in.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "accessibility";
}

/// <summary>
/// The main pages pass axe-core without serious or critical violations, work on a citizen's phone (390×844) without
/// sideways scrolling, and the clerk's home, the ITAS sheet and the admin's header look right at 1366 px.
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class AccessibilityJourney(BrowserFixture fixture)
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private static string Shot(string name) => Path.Combine(PlatformProcess.ArtifactsDirectory, name);

    [Fact]
    public async Task The_main_pages_have_no_serious_or_critical_axe_violations()
    {
        var report = new StringBuilder();
        var blocking = new List<string>();

        async Task Check(IPage page, string url)
        {
            if (!page.Url.EndsWith(url, StringComparison.Ordinal))
            {
                await page.GotoAsync(url);
            }

            page.Url.ShouldEndWith(url);
            // Nothing is excluded: every rule of axe's default set runs on the whole page.
            var result = await page.RunAxe();
            report.AppendLine(CultureInfo.InvariantCulture, $"{url}  ({result.Violations.Length} rules violated, {result.Passes.Length} passed)");
            foreach (var violation in result.Violations.OrderBy(v => v.Id, StringComparer.Ordinal))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    {violation.Id,-32} {violation.Impact,-9} {violation.Nodes.Length}");
                if (Blocking.Contains(violation.Impact))
                {
                    var where = string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html));
                    blocking.Add($"{url}: {violation.Id} ({violation.Impact}, {violation.Nodes.Length}) {violation.Help} — {where}");
                }
            }
        }

        var anonymous = await fixture.NewPageAsync();
        await Check(anonymous, "/account/sign-in");
        await Check(anonymous, "/p/wiangha/2566");

        var clerk = await fixture.SignedInAsync("clerk@wiangha.demo");
        await clerk.WaitForURLAsync("**/t/wiangha");
        await Check(clerk, "/t/wiangha");
        await Check(clerk, "/t/wiangha/measures");
        var measure = await clerk.Locator("[data-testid=measure-title]").First.GetAttributeAsync("href");
        await Check(clerk, measure!);
        await Check(clerk, "/t/wiangha/compliance");
        var itas = await clerk.Locator("[data-testid=to-itas]").GetAttributeAsync("href");
        await Check(clerk, itas!);
        await Check(clerk, "/t/wiangha/reports");

        var admin = await fixture.SignedInAsync("admin@wiangha.demo");
        await admin.WaitForURLAsync("**/t/wiangha");
        await Check(admin, "/t/wiangha/users");
        await Check(admin, "/t/wiangha/org-units");
        await Check(admin, "/t/wiangha/audit");

        var supervisor = await EnrolledAsync("supervisor@chiangrai.demo");
        await supervisor.GotoAsync("/");
        await supervisor.WaitForURLAsync("**/dashboards/provinces/57");
        await Check(supervisor, "/dashboards/provinces/57");

        var op = await EnrolledAsync("operator@platform.demo");
        await Check(op, "/operator/ita-manuals");

        await File.WriteAllTextAsync(Shot("axe-results.txt"), report.ToString());
        blocking.ShouldBeEmpty(string.Join('\n', blocking));
    }

    [Fact]
    public async Task On_a_phone_the_users_the_measures_and_the_public_page_fit_the_screen()
    {
        var admin = await PhoneAsync();
        await SignInAsync(admin, "admin@wiangha.demo");
        await admin.WaitForURLAsync("**/t/wiangha");
        await FitsAsync(admin, "/t/wiangha/users", "phone-users.png");
        // The invitation form's button is on the screen, not beyond its right edge.
        await ReachableAsync(admin.Locator("main button[type=submit]").First);

        await FitsAsync(admin, "/t/wiangha/measures", "phone-measures.png");
        await ReachableAsync(admin.Locator("[data-testid=new-measure]"));
        await ReachableAsync(admin.Locator("[data-testid=measure-title]").First);

        var citizen = await PhoneAsync();
        await FitsAsync(citizen, "/p/wiangha/2566", "phone-public.png");
        // The documents' tables are cards on the phone: a row is no wider than the screen and names its columns.
        var row = citizen.Locator("[data-testid=report-row]").First;
        await ReachableAsync(row);
        await row.ScreenshotAsync(new() { Path = Shot("phone-public-table-row.png") });
        await ReachableAsync(citizen.Locator("[data-print]"));
    }

    [Fact]
    public async Task At_1366_pixels_the_clerks_home_the_ITAS_sheet_and_the_admins_header_fit()
    {
        var clerk = await DesktopAsync();
        await SignInAsync(clerk, "clerk@wiangha.demo");
        await clerk.WaitForURLAsync("**/t/wiangha");
        await clerk.ScreenshotAsync(new() { Path = Shot("home-clerk.png"), FullPage = true });
        await clerk.ScreenshotAsync(new() { Path = Shot("home-clerk-first-screen.png") });
        // The province standing of a year whose manual is a fragment is not called a projected score.
        (await clerk.Locator("[data-testid=standing-card] [data-testid=score]").TextContentAsync())!.ShouldStartWith("คะแนนจากข้อที่ทราบ");
        await NoSidewaysScrollAsync(clerk);

        await clerk.GotoAsync("/t/wiangha/compliance");
        await clerk.Locator("[data-testid=to-itas]").ClickAsync();
        await clerk.WaitForURLAsync("**/t/wiangha/compliance/*/itas");
        // 2569's manual has no O5–O7 yet: the sheet says where they went instead of skipping from O4 to O8.
        (await clerk.Locator("[data-testid=itas-unknown-items]").TextContentAsync())!.ShouldContain("O5–O7");
        await clerk.ScreenshotAsync(new() { Path = Shot("itas-sheet.png"), FullPage = true });
        await clerk.ScreenshotAsync(new() { Path = Shot("itas-sheet-first-screen.png") });
        await NoSidewaysScrollAsync(clerk);

        var admin = await DesktopAsync();
        await SignInAsync(admin, "admin@wiangha.demo");
        await admin.WaitForURLAsync("**/t/wiangha");
        // The admin sees the most header items (the admin menu, the bell, the user's name): still one row.
        var navbar = admin.Locator("nav.navbar");
        (await admin.Locator("[data-testid=nav-admin]").IsVisibleAsync()).ShouldBeTrue();
        var box = (await navbar.BoundingBoxAsync())!;
        box.Height.ShouldBeLessThan(70, "the header wrapped onto a second line");
        await navbar.ScreenshotAsync(new() { Path = Shot("header-admin-1366.png") });
        await admin.ScreenshotAsync(new() { Path = Shot("home-admin-first-screen.png") });
    }

    private async Task<IPage> EnrolledAsync(string email)
    {
        var page = await fixture.SignedInAsync(email);
        // Supervisors and operators must use two-factor sign-in: enrolment comes first.
        await page.WaitForURLAsync("**/account/security?required=1");
        var key = (await page.Locator("[data-testid=shared-key]").TextContentAsync())!;
        await page.Locator("[data-testid='2fa-code']").FillAsync(TestSupport.Authenticator.Code(key));
        await page.Locator("[data-testid='2fa-enable']").ClickAsync();
        await page.Locator("[data-testid=recovery-codes]").WaitForAsync();
        return page;
    }

    private Task<IPage> PhoneAsync() => fixture.NewPageAsync(390, 844);

    private Task<IPage> DesktopAsync() => fixture.NewPageAsync(1366, 768);

    private static Task SignInAsync(IPage page, string email) => BrowserFixture.SignInAsync(page, email);

    private static async Task FitsAsync(IPage page, string url, string screenshot)
    {
        await page.GotoAsync(url);
        page.Url.ShouldEndWith(url);
        await page.ScreenshotAsync(new() { Path = Shot(screenshot), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Shot(screenshot.Replace(".png", "-first-screen.png", StringComparison.Ordinal)) });
        await NoSidewaysScrollAsync(page);
    }

    private static async Task NoSidewaysScrollAsync(IPage page)
    {
        // A mobile browser widens its layout viewport to content that overflows (innerWidth grows with it), so the
        // page's width is also held against the device's width.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], $"{page.Url} scrolls sideways");
        widths[0].ShouldBeLessThanOrEqualTo(page.ViewportSize!.Width, $"{page.Url} is wider than the screen");
    }

    private static async Task ReachableAsync(ILocator locator)
    {
        await locator.ScrollIntoViewIfNeededAsync();
        var box = (await locator.BoundingBoxAsync())!;
        var width = await locator.Page.EvaluateAsync<int>("() => window.innerWidth");
        box.X.ShouldBeGreaterThanOrEqualTo(0);
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(width);
    }
}
