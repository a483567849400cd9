using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.Web.Dashboards;

namespace WiangHa.Platform.IntegrationTests.Dashboards;

/// <summary>
/// The provincial system's API as its client calls it, with client-credentials tokens from the real token endpoint:
/// the directory of LAOs in its provinces (paged to the end), their dashboard rows with <c>dashboards:read</c> and their
/// documents with <c>reports:read</c>; another province's LAO is 404, a missing scope 403, and an LAO's own client sees
/// only its LAO.
/// </summary>
public sealed class ProvincialApiTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private const string Secret = "test-secret-for-the-provincial-api";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Mae Hong Son: no other test of this class onboards an LAO there, so its directory is exactly what the test made.
    private const string ProvinceA = "58";
    private const string ProvinceB = "50";

    private readonly DashboardTestData _data = new(factory);

    private static OpenIdClientSettings Machine(string clientId, string[] roles, string[] provinces, string[] memberships) => new()
    {
        ClientId = clientId, ClientSecret = Secret, DisplayName = clientId, GrantTypes = ["client_credentials"],
        Scopes = ["measures:read", "dashboards:read", "reports:read"], Roles = [.. roles], Provinces = [.. provinces], Memberships = [.. memberships],
    };

    private async Task<List<TestLao>> OnboardAsync(string province, int count)
    {
        List<string> codes;
        await using (var scope = factory.Scope())
        {
            // Registry entries no other test of the class has onboarded yet.
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            codes = await db.RegisteredLaos.AsNoTracking()
                .Where(r => r.ProvinceCode == province && !db.Organisations.Any(o => o.DlaCode == r.DlaCode))
                .OrderBy(r => r.DlaCode).Select(r => r.DlaCode).Take(count).ToListAsync();
        }

        var laos = new List<TestLao>();
        foreach (var code in codes)
        {
            laos.Add(await _data.OnboardAsync(code));
        }

        return laos;
    }

    private static async Task<List<LaoListing>> ReadAllAsync(HttpClient api, string url)
    {
        var all = new List<LaoListing>();
        for (string? next = url; next is not null;)
        {
            var response = await api.GetAsync(next);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            all.AddRange(await BrowserlessClient.ReadJsonAsync<List<LaoListing>>(response));
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }

        return all;
    }

    [Fact]
    public async Task A_provincial_token_lists_exactly_its_provinces_LAOs_page_by_page_in_thai_order()
    {
        var mine = await OnboardAsync(ProvinceA, 5);
        var theirs = await OnboardAsync(ProvinceB, 1);
        var clientId = $"province-{ProvinceA}-{Guid.NewGuid():N}";
        await _data.RegisterClientsAsync(Machine(clientId, [PlatformRoles.ProvincialSupervisor], [ProvinceA], []));
        var api = await _data.ClientWithTokenAsync(clientId, Secret, "dashboards:read");

        var listed = await ReadAllAsync(api, "/api/v1/laos?limit=2");

        listed.Select(l => l.Slug).ShouldBe(mine.OrderBy(l => l.Name, DashboardQueries.ThaiOrder).ThenBy(l => l.Id).Select(l => l.Slug));
        listed.ShouldAllBe(l => l.ProvinceCode == ProvinceA);
        listed.ShouldNotContain(l => l.Slug == theirs[0].Slug);
        (await ReadAllAsync(api, "/api/v1/laos?sort=code&limit=3")).Select(l => l.DlaCode).ShouldBe(mine.Select(l => l.DlaCode).Order(StringComparer.Ordinal));
        (await ReadAllAsync(api, $"/api/v1/laos?province={ProvinceB}")).ShouldBeEmpty();
        var district = listed[0].DistrictCode;
        (await ReadAllAsync(api, $"/api/v1/laos?district={district}")).ShouldAllBe(l => l.DistrictCode == district);
        (await ReadAllAsync(api, $"/api/v1/laos?kind={listed[0].Kind}")).ShouldContain(l => l.Slug == listed[0].Slug);
        (await api.GetAsync("/api/v1/laos?sort=population")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetAsync("/api/v1/laos?kind=Kingdom")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_national_token_lists_LAOs_of_every_province()
    {
        var a = (await OnboardAsync(ProvinceA, 1))[0];
        var b = (await OnboardAsync(ProvinceB, 1))[0];
        var clientId = $"national-{Guid.NewGuid():N}";
        await _data.RegisterClientsAsync(Machine(clientId, [PlatformRoles.NationalSupervisor], [], []));
        var api = await _data.ClientWithTokenAsync(clientId, Secret, "reports:read");

        var slugs = (await ReadAllAsync(api, "/api/v1/laos?limit=500")).Select(l => l.Slug).ToList();

        slugs.ShouldContain(a.Slug);
        slugs.ShouldContain(b.Slug);
    }

    [Fact]
    public async Task Dashboard_rows_need_dashboards_read_and_another_provinces_LAO_is_404()
    {
        var mine = (await OnboardAsync(ProvinceA, 1))[0];
        var theirs = (await OnboardAsync(ProvinceB, 1))[0];
        var clientId = $"province-{ProvinceA}-{Guid.NewGuid():N}";
        await _data.RegisterClientsAsync(Machine(clientId, [PlatformRoles.ProvincialSupervisor], [ProvinceA], []));
        var dashboards = await _data.ClientWithTokenAsync(clientId, Secret, "dashboards:read");
        var reportsOnly = await _data.ClientWithTokenAsync(clientId, Secret, "reports:read");

        var row = await DashboardTestData.GetJsonAsync<LaoDashboardView>(dashboards, $"/api/v1/t/{mine.Slug}/dashboard?year={DashboardTestData.Year}");
        row.Lao.Slug.ShouldBe(mine.Slug);
        row.Lao.DlaCode.ShouldBe(mine.DlaCode);
        row.Year.ShouldBe(DashboardTestData.Year);

        var other = await dashboards.GetAsync($"/api/v1/t/{theirs.Slug}/dashboard");
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        other.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await reportsOnly.GetAsync($"/api/v1/t/{mine.Slug}/dashboard")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // dashboards:read unlocks the dashboards, not the LAO's measures or its documents.
        (await dashboards.GetAsync($"/api/v1/t/{mine.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dashboards.GetAsync($"/api/v1/t/{mine.Slug}/reports/2569/results.docx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Documents_download_with_reports_read_and_not_without_it()
    {
        var tenant = await factory.Data.CreateTenantAsync(); // in Chiang Rai (57)
        var clientId = $"province-57-{Guid.NewGuid():N}";
        var elsewhere = $"province-{ProvinceA}-{Guid.NewGuid():N}";
        await _data.RegisterClientsAsync(
            Machine(clientId, [PlatformRoles.ProvincialSupervisor], ["57"], []),
            Machine(elsewhere, [PlatformRoles.ProvincialSupervisor], [ProvinceA], []));
        var reports = await _data.ClientWithTokenAsync(clientId, Secret, "reports:read");
        var dashboardsOnly = await _data.ClientWithTokenAsync(clientId, Secret, "dashboards:read measures:read");
        var otherProvince = await _data.ClientWithTokenAsync(elsewhere, Secret, "reports:read");
        var url = $"/api/v1/t/{tenant.Slug}/reports/2569/results.docx";

        var docx = await reports.GetAsync(url);
        docx.StatusCode.ShouldBe(HttpStatusCode.OK, await docx.Content.ReadAsStringAsync());
        docx.Content.Headers.ContentType!.MediaType.ShouldBe(DocxType);
        (await docx.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe("PK"u8.ToArray(), "a DOCX is a zip file");

        var refused = await dashboardsOnly.GetAsync(url);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherProvince.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reports.GetAsync($"/api/v1/t/{tenant.Slug}/reports/2569/results.odt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The page route stays the UI's: a bearer token there is not a sign-in.
        (await reports.GetAsync($"/t/{tenant.Slug}/reports/2569/results.docx")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        // reports:read unlocks the documents, not the LAO's measures.
        (await reports.GetAsync($"/api/v1/t/{tenant.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_LAOs_own_token_lists_only_its_LAO_and_downloads_its_own_documents()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var neighbour = await factory.Data.CreateTenantAsync(); // same province, another LAO
        var clientId = $"lao-{Guid.NewGuid():N}";
        await _data.RegisterClientsAsync(Machine(clientId, [], [], [$"{tenant.Id:N}:viewer"]));
        var api = await _data.ClientWithTokenAsync(clientId, Secret, "reports:read dashboards:read");

        (await ReadAllAsync(api, "/api/v1/laos")).Select(l => l.Slug).ShouldBe([tenant.Slug]);
        (await ReadAllAsync(api, "/api/v1/laos?province=57")).Select(l => l.Slug).ShouldBe([tenant.Slug]);
        (await api.GetAsync($"/api/v1/t/{tenant.Slug}/reports/2569/measures.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"/api/v1/t/{neighbour.Slug}/reports/2569/measures.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/t/{neighbour.Slug}/dashboard")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The provinces' figures stay the supervisors'.
        (await api.GetAsync("/api/v1/dashboards/provinces")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var measuresOnly = await _data.ClientWithTokenAsync(clientId, Secret, "measures:read");
        (await measuresOnly.GetAsync("/api/v1/laos")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
