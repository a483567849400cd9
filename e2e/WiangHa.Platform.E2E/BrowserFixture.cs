using Microsoft.Playwright;

namespace WiangHa.Platform.E2E;

/// <summary>One running platform and one headless Debian Chromium for all journeys.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PlatformProcess Platform { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Platform.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("WIANGHA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The closed network refuses Chromium's background connections; these flags keep it quiet and quick.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new page, 1280×900 unless told; below 500 px wide a phone (mobile browser, touch).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Platform.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 500,
            HasTouch = width < 500,
            Locale = "th-TH",
            TimezoneId = "Asia/Bangkok",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in with the demo password.</summary>
    public async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email);
        return page;
    }

    /// <summary>Signs the page in with the demo password.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("อีเมล").FillAsync(email);
        await page.GetByLabel("รหัสผ่าน").FillAsync("Demo-WiangHa-2569");
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Platform.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
