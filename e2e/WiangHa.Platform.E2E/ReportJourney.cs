using System.Diagnostics;
using Microsoft.Playwright;

namespace WiangHa.Platform.E2E;

/// <summary>
/// A new LAO takes in its existing report, generates the ITA documents and prints them; the DOCX is rendered by
/// LibreOffice to check that its Thai text renders (in Laksaman, the TH Sarabun substitute) rather than as boxes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportJourney(BrowserFixture fixture)
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromSeconds(120);

    // The import, the downloads and the print page do real work; on a shared 2-core machine under load the fixture's
    // 15 s default was seen to run out during sign-in.
    private const float SlowStepTimeout = 60_000;

    private async Task<IPage> NewPageAsync()
    {
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout(SlowStepTimeout);
        page.SetDefaultNavigationTimeout(SlowStepTimeout);
        return page;
    }

    [Fact]
    public async Task New_lao_imports_the_seed_generates_the_report_prints_it_and_the_docx_renders_thai()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("อีเมล").FillAsync("clerk@santisuk.demo");
        await page.GetByLabel("รหัสผ่าน").FillAsync("Demo-WiangHa-2569");
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await page.WaitForURLAsync("**/t/santisuk");

        await page.Locator("[data-testid=nav-reports]").ClickAsync();
        await page.Locator("[data-testid=import-report]").ClickAsync();
        var seed = Path.Combine(PlatformProcess.RepositoryRoot, "tests", "WiangHa.Platform.IntegrationTests", "TestData", "wiangha-2566-report.txt");
        await page.Locator("[data-testid=field-file]").SetInputFilesAsync(seed);
        await page.Locator("[data-testid=preview-import]").ClickAsync();
        (await page.Locator("[data-testid=preview-row]").CountAsync()).ShouldBe(5);
        await page.ScreenshotAsync(new() { Path = Artifact("report-import-preview.png"), FullPage = true });
        // A new LAO has none of the report's units: the clerk ticks those to create (none is ticked for them).
        foreach (var box in await page.Locator("[data-testid=field-create-unit]").AllAsync())
        {
            (await box.IsCheckedAsync()).ShouldBeFalse();
            await box.CheckAsync();
        }

        await page.Locator("[data-testid=confirm-import]").ClickAsync();

        await page.WaitForURLAsync("**/t/santisuk/measures?year=2566");
        (await page.Locator("[data-testid=flash]").TextContentAsync())!.ShouldContain("นำเข้ามาตรการ 5 มาตรการในปีงบประมาณ 2566");
        (await page.Locator("[data-testid=measure-row]").CountAsync()).ShouldBe(5);

        await page.GotoAsync("/t/santisuk/reports?year=2566");
        await page.Locator("[data-testid=field-signatory-position]").FillAsync("นายกองค์การบริหารส่วนตำบลสันติสุข");
        await page.Locator("[data-testid=field-published]").CheckAsync();
        await page.Locator("[data-testid=save-publication]").ClickAsync();
        (await page.Locator("[data-testid=flash]").TextContentAsync())!.ShouldContain("/p/santisuk/2566");
        await page.ScreenshotAsync(new() { Path = Artifact("report-index.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=document-results] [data-testid=download-docx]").ClickAsync());
        download.SuggestedFilename.ShouldBe("ita-results-2566.docx");
        var docx = Artifact("ita-results-2566.docx");
        await download.SaveAsAsync(docx);

        await page.Locator("[data-testid=print-results]").ClickAsync();
        await page.WaitForURLAsync("**/t/santisuk/reports/2566/results/print");
        (await page.Locator("[data-testid=report-row]").CountAsync()).ShouldBe(5);
        (await page.Locator("[data-testid=report-document]").TextContentAsync())!.ShouldContain("ในปีงบประมาณ พ.ศ. ๒๕๖๖");
        await page.ScreenshotAsync(new() { Path = Artifact("report-print.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.PdfAsync(new() { Path = Artifact("report-print-chromium.pdf"), Format = "A4", PrintBackground = true });

        var anonymous = await NewPageAsync();
        await anonymous.GotoAsync("/p/santisuk/2566");
        (await anonymous.Locator("[data-testid=report-row]").CountAsync()).ShouldBe(5);
        await anonymous.ScreenshotAsync(new() { Path = Artifact("report-public.png") });

        var (pdf, png) = await RenderWithLibreOfficeAsync(docx);
        new FileInfo(png).Length.ShouldBeGreaterThan(10_000);
        var fonts = await RunAsync("pdffonts", pdf);
        fonts.ShouldContain("Laksaman", Case.Insensitive, "LibreOffice should substitute TH Sarabun New with Laksaman (fonts-thai-tlwg)");
        var text = await RunAsync("pdftotext", "-l", "1", pdf, "-");
        text.ShouldContain("รายงานผลการดำเนินการ");
    }

    [Fact]
    public async Task Anyone_opens_wiang_has_public_page_and_downloads_its_measures_document()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/p/wiangha/2566");
        (await page.Locator("[data-testid=report-document]").CountAsync()).ShouldBe(2);
        (await page.Locator("[data-testid=report-document][data-kind=measures]").TextContentAsync())!.ShouldContain("ประเด็นที่จะต้องพัฒนาให้ดีขึ้น");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=public-docx-measures]").ClickAsync());
        var docx = Artifact("ita-measures-2566.docx");
        await download.SaveAsAsync(docx);
        var (pdf, _) = await RenderWithLibreOfficeAsync(docx);
        (await RunAsync("pdftotext", pdf, "-")).ShouldContain("การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส");
    }

    private static string Artifact(string name) => Path.Combine(PlatformProcess.ArtifactsDirectory, name);

    /// <summary>DOCX → PDF with a throwaway LibreOffice profile, then page 1 → PNG; all kept in the artifacts folder.</summary>
    private static async Task<(string Pdf, string Png)> RenderWithLibreOfficeAsync(string docx)
    {
        var profile = Directory.CreateTempSubdirectory("wiangha-lo-").FullName;
        try
        {
            var outDir = Path.GetDirectoryName(docx)!;
            await RunAsync("soffice", $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, docx);
            var pdf = Path.ChangeExtension(docx, ".pdf");
            File.Exists(pdf).ShouldBeTrue($"LibreOffice wrote no {pdf}");
            var prefix = Path.Combine(outDir, Path.GetFileNameWithoutExtension(docx) + "-page");
            await RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, prefix);
            return (pdf, prefix + ".png");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    /// <summary>Runs a rendering tool (soffice, pdftoppm, pdftotext…) to its end within the timeout; its output.</summary>
    internal static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RenderTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {RenderTimeout.TotalSeconds} s");
        }

        process.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', args)}\n{await error}");
        return await output;
    }
}
