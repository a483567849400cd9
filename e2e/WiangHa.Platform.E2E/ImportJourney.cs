using Microsoft.Playwright;

namespace WiangHa.Platform.E2E;

/// <summary>
/// A clerk checks a report written in Word the way offices write it (line breaks, tabs, hyperlinks, tracked changes,
/// content controls, merged cells) before importing it: the preview shows every field as it will be stored.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task A_clerk_previews_a_word_style_report_with_every_field_and_the_period_as_written()
    {
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("อีเมล").FillAsync("clerk@santisuk.demo");
        await page.GetByLabel("รหัสผ่าน").FillAsync("Demo-WiangHa-2569");
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await page.WaitForURLAsync("**/t/santisuk");

        await page.GotoAsync("/t/santisuk/reports/import");
        (await page.Locator("[data-testid=field-file]").GetAttributeAsync("accept")).ShouldBe(".docx,.xlsx,.txt,.tsv");
        var file = Path.Combine(PlatformProcess.RepositoryRoot, "tests", "WiangHa.Platform.IntegrationTests", "Reports", "Corpus", "word-style-2566.docx");
        await page.Locator("[data-testid=field-file]").SetInputFilesAsync(file);
        await page.Locator("[data-testid=preview-import]").ClickAsync();

        (await page.Locator("[data-testid=preview-row]").CountAsync()).ShouldBe(5);
        (await page.Locator("[data-testid=preview-period-text]").First.TextContentAsync())!.ShouldContain("ตุลาคม ๒๕๖๕ ถึง มีนาคม ๒๕๖๖");
        (await page.Locator("[data-testid=preview-steps]").First.Locator("li").CountAsync()).ShouldBe(2);
        (await page.Locator("[data-testid=import-preview]").TextContentAsync())!.ShouldNotContain("HYPERLINK");
        await page.SetViewportSizeAsync(1600, 900);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "import-preview-word-style.png"), FullPage = true });

        // Text pasted from a web page, with a period the reader cannot turn into months: the preview says so.
        await page.GotoAsync("/t/santisuk/reports/import");
        var pasted = Path.Combine(PlatformProcess.RepositoryRoot, "tests", "WiangHa.Platform.IntegrationTests", "Reports", "Corpus", "pasted-web-2566.txt");
        await page.Locator("[data-testid=field-file]").SetInputFilesAsync(pasted);
        await page.Locator("[data-testid=preview-import]").ClickAsync();
        (await page.Locator("[data-testid=row-problems]").Nth(4).TextContentAsync())!.ShouldContain("เก็บข้อความเดิมไว้คู่กัน");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "import-preview-pasted-web.png"), FullPage = true });
    }
}
