using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Reports;

/// <summary>Drives the import page as a browser would: upload (multipart, with the antiforgery token), then confirm.</summary>
public static class ReportImports
{
    public static string SeedPath => Path.Combine(AppContext.BaseDirectory, "TestData", "wiangha-2566-report.txt");

    public static async Task<HttpResponseMessage> UploadAsync(this BrowserlessClient client, TestTenant tenant, string fileName, byte[] content, int? year = null)
    {
        var page = $"/t/{tenant.Slug}/reports/import";
        var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync(page)), "__RequestVerificationToken" },
            { new StringContent(year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""), "year" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync($"{page}?handler=Preview", form);
    }

    public static async Task<IHtmlDocument> PreviewAsync(this BrowserlessClient client, TestTenant tenant, string fileName, byte[] content, int? year = null)
    {
        var response = await client.UploadAsync(tenant, fileName, content, year);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 2000 ? html[..2000] : html);
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
    }

    /// <summary>
    /// Posts the preview's confirm form (as shown, or with the year replaced), with every proposed new unit ticked
    /// unless <paramref name="tickNewUnits"/> is false; returns the redirect.
    /// </summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(this BrowserlessClient client, TestTenant tenant, IHtmlDocument preview, int? year = null, bool tickNewUnits = true)
    {
        var fields = BrowserlessClient.FormValues(preview, "form[data-testid=confirm-form]");
        if (tickNewUnits)
        {
            fields.AddRange(preview.QuerySelectorAll("[data-testid=field-create-unit]").Select(box => new KeyValuePair<string, string>("createUnits", box.GetAttribute("value")!)));
        }

        if (year is { } y)
        {
            fields.With("year", y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return await client.PostFormAsync($"/t/{tenant.Slug}/reports/import?handler=Confirm", fields, $"/t/{tenant.Slug}/reports/import");
    }

    public static async Task<List<Measure>> MeasuresAsync(this PlatformFactory factory, TestTenant tenant, int fiscalYear)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            return await db.Measures.AsNoTracking().Include(m => m.ResponsibleUnits).Where(m => m.FiscalYear == fiscalYear).OrderBy(m => m.Number).ToListAsync();
        }
    }

    public static async Task<(int Measures, int Batches, int Units)> CountsAsync(this PlatformFactory factory, TestTenant tenant)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            return (await db.Measures.CountAsync(), await db.ImportBatches.CountAsync(), await db.OrgUnits.CountAsync());
        }
    }

    /// <summary>Imports the seed into the tenant's FY 2566 through the pages.</summary>
    public static async Task ImportSeedAsync(this BrowserlessClient client, TestTenant tenant)
    {
        var preview = await client.PreviewAsync(tenant, "wiangha-2566-report.txt", await File.ReadAllBytesAsync(SeedPath));
        var response = await client.ConfirmAsync(tenant, preview, 2566);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }
}
