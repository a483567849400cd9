using System.Net;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Reports;

/// <summary>
/// The PDF of each document, rendered on the server by LibreOffice (installed by scripts/install-test-deps.sh), offered
/// beside the DOCX and XLSX on the reports page and on the public page.
/// </summary>
[Trait("Category", "SqliteOnly")]
public sealed class ReportPdfTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Members_and_the_public_get_the_pdf_of_each_document()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await editor.ImportSeedAsync(tenant);
        await PublicReportTests.PublishAsync(editor, tenant, 2566, measures: true);

        var page = await editor.GetPageAsync($"/t/{tenant.Slug}/reports?year=2566");
        page.QuerySelector("[data-testid=document-results] [data-testid=download-pdf]")!.GetAttribute("href").ShouldBe($"/t/{tenant.Slug}/reports/2566/results.pdf");
        var pdf = await editor.Http.GetAsync($"/t/{tenant.Slug}/reports/2566/results.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        pdf.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("ita-results-2566.pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");

        var anonymous = BrowserlessClient.Anonymous(factory);
        var published = await anonymous.GetPageAsync($"/p/{tenant.Slug}/2566");
        published.QuerySelector("[data-testid=public-pdf-measures]")!.GetAttribute("href").ShouldBe($"/p/{tenant.Slug}/2566/measures.pdf");
        var publicPdf = await anonymous.Http.GetAsync($"/p/{tenant.Slug}/2566/measures.pdf");
        publicPdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Text.Encoding.ASCII.GetString(await publicPdf.Content.ReadAsByteArrayAsync(), 0, 5).ShouldBe("%PDF-");
    }
}

/// <summary>A server without LibreOffice: no PDF link anywhere, and the address answers 503 with a Thai explanation.</summary>
[Trait("Category", "SqliteOnly")]
public sealed class ReportPdfUnavailableTests(ReportPdfUnavailableTests.NoLibreOfficeFactory factory) : IClassFixture<ReportPdfUnavailableTests.NoLibreOfficeFactory>
{
    public sealed class NoLibreOfficeFactory : PlatformFactory
    {
        protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Reports:Pdf:LibreOfficePath", "off")];
    }

    [Fact]
    public async Task Without_libreoffice_no_pdf_is_offered_and_its_address_says_why()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await editor.ImportSeedAsync(tenant);
        await PublicReportTests.PublishAsync(editor, tenant, 2566);

        var page = await editor.GetPageAsync($"/t/{tenant.Slug}/reports?year=2566");
        page.QuerySelector("[data-testid=download-docx]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=download-pdf]").ShouldBeNull();
        var anonymous = BrowserlessClient.Anonymous(factory);
        (await anonymous.GetPageAsync($"/p/{tenant.Slug}/2566")).QuerySelector("[data-testid=public-pdf-results]").ShouldBeNull();

        foreach (var (client, path) in new[] { (editor, $"/t/{tenant.Slug}/reports/2566/results.pdf"), (anonymous, $"/p/{tenant.Slug}/2566/results.pdf") })
        {
            var response = await client.Http.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadAsStringAsync()).ShouldContain("ดาวน์โหลดไฟล์ Word (.docx) แทน");
        }
    }
}
