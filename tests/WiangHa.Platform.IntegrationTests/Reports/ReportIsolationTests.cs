using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Reports;

/// <summary>Tenant isolation of the report pages, files, publication settings, analyses and import batches.</summary>
public sealed class ReportIsolationTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Report_pages_and_files_of_a_tenant_the_user_does_not_belong_to_are_404()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateMeasureAsync(b, "มาตรการลับของ B");
        var client = await BrowserlessClient.SignedInAsync(factory, a.Admin);

        foreach (var path in new[]
                 {
                     "/reports", "/reports?year=2566", "/reports/import", "/reports/2566/analysis", "/reports/2566/results/print",
                     "/reports/2566/measures/print", "/reports/2566/results.docx", "/reports/2566/results.xlsx", "/reports/2566/measures.docx",
                 })
        {
            var response = await client.Http.GetAsync($"/t/{b.Slug}{path}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("มาตรการลับของ B");
        }

        // Under A's own route, the documents hold A's catalogue only.
        var own = await client.GetPageAsync($"/t/{a.Slug}/reports/2566/results/print");
        own.Body!.TextContent.ShouldNotContain("มาตรการลับของ B");
    }

    [Fact]
    public async Task Settings_and_analysis_saved_by_one_tenant_never_reach_another()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var aEditor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        (await aEditor.PostFormAsync($"/t/{a.Slug}/reports?handler=Publication&year=2566",
            [new("Publication.IsPublished", "true"), new("Publication.PublishResults", "true"), new("Publication.RoundMonths", "12"), new("Publication.SignatoryName", "ผู้ลงนามของ A")],
            $"/t/{a.Slug}/reports?year=2566")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await aEditor.PostFormAsync($"/t/{a.Slug}/reports/2566/analysis", [new("Form.UrgentWeaknesses", "จุดอ่อนของ A")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // A's editor aims the same posts at B's route: 404, nothing written.
        (await aEditor.PostFormAsync($"/t/{b.Slug}/reports?handler=Publication&year=2566", [new("Publication.IsPublished", "true"), new("Publication.PublishResults", "true")], $"/t/{a.Slug}/reports"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await aEditor.PostFormAsync($"/t/{b.Slug}/reports/2566/analysis", [new("Form.UrgentWeaknesses", "ถูกแทรก")], $"/t/{a.Slug}/reports"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var bEditor = await BrowserlessClient.SignedInAsync(factory, b.Editor);
        var bReports = await bEditor.GetPageAsync($"/t/{b.Slug}/reports?year=2566");
        bReports.Body!.TextContent.ShouldNotContain("ผู้ลงนามของ A");
        bReports.QuerySelector("[data-testid=public-link]").ShouldBeNull();
        (await bEditor.GetPageAsync($"/t/{b.Slug}/reports/2566/analysis")).Body!.TextContent.ShouldNotContain("จุดอ่อนของ A");
        (await BrowserlessClient.Anonymous(factory).Http.GetAsync($"/p/{b.Slug}/2566")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(b.Info))
        {
            (await db.ReportPublications.CountAsync()).ShouldBe(0);
            (await db.AssessmentAnalyses.CountAsync()).ShouldBe(0);
        }

        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(a.Info))
        {
            (await db.ReportPublications.SingleAsync()).SignatoryName.ShouldBe("ผู้ลงนามของ A");
            (await db.AssessmentAnalyses.SingleAsync()).UrgentWeaknesses.ShouldBe(["จุดอ่อนของ A"]);
        }
    }

    [Fact]
    public async Task Confirming_another_tenants_import_batch_is_404_and_creates_nothing()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bEditor = await BrowserlessClient.SignedInAsync(factory, b.Editor);
        var bPreview = await bEditor.PreviewAsync(b, "seed.txt", await File.ReadAllBytesAsync(ReportImports.SeedPath));
        var bBatch = BrowserlessClient.FormValues(bPreview, "form[data-testid=confirm-form]").Single(f => f.Key == "batchId").Value;
        var aEditor = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        var response = await aEditor.PostFormAsync($"/t/{a.Slug}/reports/import?handler=Confirm", [new("batchId", bBatch), new("year", "2566")], $"/t/{a.Slug}/reports/import");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await aEditor.PostFormAsync($"/t/{a.Slug}/reports/import?handler=Recheck", [new("batchId", bBatch), new("year", "2566")], $"/t/{a.Slug}/reports/import"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await factory.CountsAsync(a)).Measures.ShouldBe(0);
        (await factory.CountsAsync(b)).Measures.ShouldBe(0);
    }

    [Fact]
    public async Task Writing_a_publication_with_another_tenants_id_is_refused()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(a.Info))
        {
            db.ReportPublications.Add(new ReportPublication { TenantId = b.Id, FiscalYear = 2566, IsPublished = true });
            await Should.ThrowAsync<TenantIsolationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AssessmentAnalyses.Add(new AssessmentAnalysis { TenantId = b.Id, FiscalYear = 2566 });
            await Should.ThrowAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        }
    }
}
