using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Common;

/// <summary>
/// Paging as an integrator's sync uses it: follow <c>Link: rel="next"</c> until it stops, each row exactly once; then
/// read only what changed with <c>updatedSince</c>; and be told, by name, about a parameter the list does not take.
/// The clock moves here, so the scheduler is off.
/// </summary>
public sealed partial class ApiPagingTests(QuietPlatformFactory factory) : IClassFixture<QuietPlatformFactory>
{
    [Fact]
    public async Task Paging_through_250_measures_returns_each_once_and_updated_since_only_the_changes()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var created = await AddMeasuresAsync(tenant, 250);
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);

        foreach (var sort in new[] { "", "&sort=updatedAt", "&sort=number" })
        {
            var (ids, pages) = await ReadAllAsync(client, $"/api/v1/t/{tenant.Slug}/measures?limit=100{sort}");
            pages.ShouldBe(3, sort);
            ids.Count.ShouldBe(250, sort);
            ids.ToHashSet().SetEquals(created).ShouldBeTrue(sort);
        }

        var since = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var changed = created.Take(3).ToList();
        foreach (var id in changed)
        {
            var url = $"/api/v1/t/{tenant.Slug}/measures/{id}";
            var saved = await editor.SendJsonAsync(HttpMethod.Put, url, MeasureInputs.Valid($"แก้หลังซิงก์ {id}") with { ResponsibleUnitIds = [tenant.UnitIds[0]] }, ifMatch: "*");
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }

        var (recent, _) = await ReadAllAsync(client, $"/api/v1/t/{tenant.Slug}/measures?sort=updatedAt&limit=2&updatedSince={Uri.EscapeDataString(since.ToString("O"))}");
        recent.Order().ShouldBe(changed.Order());
    }

    [Fact]
    public async Task Disclosures_page_by_year_and_answer()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        foreach (var code in new[] { "O1", "O2", "O3" })
        {
            await factory.Data.CreateDisclosureAsync(tenant, 2567, code, $"https://lao.example/{code}");
        }

        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);
        var (ids, pages) = await ReadAllAsync(client, $"/api/v1/t/{tenant.Slug}/compliance/disclosures?year=2567&answer=Yes&limit=1");
        (ids.Count, pages).ShouldBe((3, 3));
        (await ReadAllAsync(client, $"/api/v1/t/{tenant.Slug}/compliance/disclosures?year=2567&answer=No")).Ids.ShouldBeEmpty();
    }

    [Fact]
    public async Task Units_page_in_the_laos_order_and_a_sync_sees_units_an_import_or_a_rename_touched()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var url = $"/api/v1/t/{tenant.Slug}/org-units";
        var (all, pages) = await ReadAllAsync(admin, $"{url}?limit=2");
        all.Order().ShouldBe(tenant.UnitIds.Order());
        pages.ShouldBe((tenant.UnitIds.Count + 1) / 2);

        var since = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var renamed = await admin.SendJsonAsync(HttpMethod.Put, $"{url}/{tenant.UnitIds[1]}", new { name = "กองคลัง (ใหม่)", sortOrder = 2, isActive = true }, ifMatch: "*");
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        await using (var scope = factory.Scope())
        {
            // A unit written without UpdatedAt (as an import or onboarding writes them) is stamped from the clock.
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
            {
                db.OrgUnits.Add(new Domain.Organisations.OrgUnit { Name = "กองสวัสดิการสังคม", SortOrder = 99 });
                await db.SaveChangesAsync();
            }
        }

        var (changed, _) = await ReadAllAsync(admin, $"{url}?sort=updatedAt&updatedSince={Uri.EscapeDataString(since.ToString("O"))}");
        changed.Count.ShouldBe(2);
        changed[0].ShouldBe(tenant.UnitIds[1]);
        (await ReadAllAsync(admin, $"{url}?active=false")).Ids.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("org-units?sort=name", "sort")]
    [InlineData("measures?updated_since=2026-12-01", "updated_since")]
    [InlineData("measures?fiscalYear=2566", "fiscalYear")]
    [InlineData("measures?limit=0", "limit")]
    [InlineData("measures?limit=501", "limit")]
    [InlineData("measures?cursor=bm90LWEtY3Vyc29y", "cursor")]
    [InlineData("measures?sort=title", "sort")]
    [InlineData("compliance/disclosures?year=2567&page=2", "page")]
    public async Task A_parameter_the_list_does_not_take_is_refused_by_name(string query, string parameter)
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);

        var response = await client.Http.GetAsync($"/api/v1/t/{tenant.Slug}/{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"\"parameter\":\"{parameter}\"");
    }

    [Fact]
    public async Task A_cursor_of_one_order_is_refused_in_another()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await AddMeasuresAsync(tenant, 3);
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);
        var first = await client.Http.GetAsync($"/api/v1/t/{tenant.Slug}/measures?limit=1");
        var cursor = NextLink(first)!.Split("cursor=")[1];

        var other = await client.Http.GetAsync($"/api/v1/t/{tenant.Slug}/measures?limit=1&sort=updatedAt&cursor={cursor}");

        other.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await other.Content.ReadAsStringAsync()).ShouldContain("\"parameter\":\"cursor\"");
    }

    private async Task<List<Guid>> AddMeasuresAsync(TestTenant tenant, int count)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            var measures = Enumerable.Range(1, count).Select(n => new Measure
            {
                FiscalYear = 2566 + (n % 3),
                Number = n % 7, // numbers repeat, so the order needs its tie-breaker
                Title = $"มาตรการที่ {n}",
                Steps = ["ขั้นตอน"],
                Status = MeasureStatus.Completed,
                CreatedAt = factory.Clock.GetUtcNow(),
                UpdatedAt = factory.Clock.GetUtcNow(),
            }).ToList();
            db.Measures.AddRange(measures);
            await db.SaveChangesAsync();
            return measures.Select(m => m.Id).ToList();
        }
    }

    private static async Task<(List<Guid> Ids, int Pages)> ReadAllAsync(BrowserlessClient client, string url)
    {
        var ids = new List<Guid>();
        var pages = 0;
        for (string? next = url; next is not null && pages < 20; pages++)
        {
            var response = await client.Http.GetAsync(next);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            ids.AddRange((await BrowserlessClient.ReadJsonAsync<List<IdOnly>>(response)).Select(r => r.Id));
            next = NextLink(response);
        }

        return (ids, pages);
    }

    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values) && LinkPattern().Match(string.Join(",", values)) is { Success: true } m ? m.Groups[1].Value : null;

    private sealed record IdOnly(Guid Id);

    [GeneratedRegex("<([^>]+)>; rel=\"next\"")]
    private static partial Regex LinkPattern();
}
