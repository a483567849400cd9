using System.Net;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Reports;

/// <summary>The public page shows only what an LAO made public, without sign-in, and nothing of other tenants.</summary>
public sealed class PublicReportTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    internal static async Task PublishAsync(BrowserlessClient editor, TestTenant tenant, int year, bool published = true, bool results = true, bool measures = false)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Publication.RoundMonths", "12"), new("Publication.ThaiDigits", "true") };
        if (published) { fields.Add(new("Publication.IsPublished", "true")); }
        if (results) { fields.Add(new("Publication.PublishResults", "true")); }
        if (measures) { fields.Add(new("Publication.PublishMeasures", "true")); }
        var response = await editor.PostFormAsync($"/t/{tenant.Slug}/reports?handler=Publication&year={year}", fields, $"/t/{tenant.Slug}/reports?year={year}");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_published_year_is_public_without_sign_in_and_shows_only_that_tenant()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var aEditor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        await aEditor.ImportSeedAsync(a);
        await factory.Data.CreateMeasureAsync(b, "มาตรการลับของ B", 2566);
        await factory.Data.CreateMeasureAsync(a, "มาตรการปีอื่นของ A", 2567);
        await PublishAsync(aEditor, a, 2566);
        var anonymous = BrowserlessClient.Anonymous(factory);

        var page = await anonymous.GetPageAsync($"/p/{a.Slug}/2566");

        page.QuerySelectorAll("[data-testid=report-document]").Length.ShouldBe(1, "only the results document was made public");
        page.QuerySelector("[data-testid=report-document]")!.GetAttribute("data-kind").ShouldBe("results");
        page.QuerySelectorAll("[data-testid=report-row]").Length.ShouldBe(5);
        page.Body!.TextContent.ShouldContain(a.Name);
        page.Body.TextContent.ShouldNotContain("มาตรการลับของ B");
        page.Body.TextContent.ShouldNotContain(b.Name);
        page.Body.TextContent.ShouldNotContain("มาตรการปีอื่นของ A");
        (await anonymous.Http.GetAsync($"/p/{a.Slug}/2566/results.docx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.Http.GetAsync($"/p/{a.Slug}/2566/measures.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task What_is_not_published_is_404_for_everyone_outside()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var aEditor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        await factory.Data.CreateMeasureAsync(a, "มาตรการของ A", 2566);
        await factory.Data.CreateMeasureAsync(b, "มาตรการของ B", 2566);
        await PublishAsync(aEditor, a, 2566, published: false);
        var anonymous = BrowserlessClient.Anonymous(factory);

        foreach (var path in new[]
                 {
                     $"/p/{a.Slug}/2566", $"/p/{a.Slug}/2566/results.docx", $"/p/{a.Slug}/2567", $"/p/{b.Slug}/2566", $"/p/{b.Slug}/2566/results.xlsx",
                     "/p/no-such-lao/2566", $"/p/{a.Slug}/1999",
                 })
        {
            var response = await anonymous.Http.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("มาตรการของ");
        }

        // Published, then withdrawn: gone again.
        await PublishAsync(aEditor, a, 2566, published: true);
        (await anonymous.Http.GetAsync($"/p/{a.Slug}/2566")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PublishAsync(aEditor, a, 2566, published: false);
        (await anonymous.Http.GetAsync($"/p/{a.Slug}/2566")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_suspended_lao_has_no_public_page()
    {
        var a = await factory.Data.CreateTenantAsync();
        var aEditor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        await factory.Data.CreateMeasureAsync(a, "มาตรการของ A", 2566);
        await PublishAsync(aEditor, a, 2566, measures: true);
        var anonymous = BrowserlessClient.Anonymous(factory);
        (await anonymous.GetPageAsync($"/p/{a.Slug}/2566")).QuerySelectorAll("[data-testid=report-document]").Length.ShouldBe(2);

        await using (var scope = factory.Scope())
        {
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<WiangHa.Platform.Infrastructure.Data.PlatformDbContext>(scope.ServiceProvider);
            var organisation = await db.Organisations.FindAsync(a.Id);
            organisation!.Status = OrganisationStatus.Suspended;
            await db.SaveChangesAsync();
        }

        (await anonymous.Http.GetAsync($"/p/{a.Slug}/2566")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_needs_at_least_one_document_and_viewers_cannot_publish()
    {
        var a = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        var invalid = await editor.PostFormAsync($"/t/{a.Slug}/reports?handler=Publication&year=2566",
            [new("Publication.IsPublished", "true"), new("Publication.RoundMonths", "12")], $"/t/{a.Slug}/reports?year=2566");
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("กรุณาเลือกเอกสารที่จะเผยแพร่อย่างน้อย 1 รายการ");

        var viewer = await BrowserlessClient.SignedInAsync(factory, a.Viewer);
        var refused = await viewer.PostFormAsync($"/t/{a.Slug}/reports?handler=Publication&year=2566",
            [new("Publication.IsPublished", "true"), new("Publication.PublishResults", "true"), new("Publication.RoundMonths", "12")], $"/t/{a.Slug}/reports?year=2566");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/status/403");
        (await BrowserlessClient.Anonymous(factory).Http.GetAsync($"/p/{a.Slug}/2566")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
