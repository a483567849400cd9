using System.Net;
using System.Text.Json;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.Web.Dashboards;

namespace WiangHa.Platform.IntegrationTests.Dashboards;

/// <summary>
/// <c>/api/v1/dashboards</c> called as a provincial system calls it: a client-credentials token from the real token
/// endpoint, scoped like the supervisor it stands for. Another province is 404 (not even its existence leaks), the
/// national figures 403, and a token without <c>dashboards:read</c> or of an LAO reads nothing.
/// </summary>
public sealed class DashboardApiAccessTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private const string Secret = "test-secret-for-dashboards";
    private const int Year = DashboardTestData.Year;

    private readonly DashboardTestData _data = new(factory);

    private static OpenIdClientSettings Machine(string clientId, string[] roles, string[] provinces, string[] memberships) => new()
    {
        ClientId = clientId, ClientSecret = Secret, DisplayName = clientId, GrantTypes = ["client_credentials"],
        Scopes = ["measures:read", "dashboards:read"], Roles = [.. roles], Provinces = [.. provinces], Memberships = [.. memberships],
    };

    [Fact]
    public async Task A_provincial_systems_token_reads_its_province_and_nothing_of_another()
    {
        var clientId = $"province-57-{Guid.NewGuid():N}";
        await _data.RegisterClientsAsync(Machine(clientId, [PlatformRoles.ProvincialSupervisor], ["57"], []));
        var api = await _data.ClientWithTokenAsync(clientId, Secret, "dashboards:read");

        var list = await DashboardTestData.GetJsonAsync<ProvinceListView>(api, $"/api/v1/dashboards/provinces?year={Year}");
        list.Provinces.Select(p => p.Code).ShouldBe(["57"]);
        var chiangRai = await DashboardTestData.GetJsonAsync<ProvinceView>(api, $"/api/v1/dashboards/provinces/57?year={Year}");
        chiangRai.Province.Code.ShouldBe("57");
        chiangRai.Laos.Count.ShouldBeGreaterThanOrEqualTo(144);
        (await DashboardTestData.GetJsonAsync<JsonElement>(api, $"/api/v1/dashboards/provinces/57/trend?year={Year}")).ValueKind.ShouldBe(JsonValueKind.Object);

        foreach (var url in new[] { "/api/v1/dashboards/provinces/51", "/api/v1/dashboards/provinces/51/trend", "/api/v1/dashboards/provinces/99" })
        {
            var response = await api.GetAsync($"{url}?year={Year}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", url);
        }

        var national = await api.GetAsync($"/api/v1/dashboards/national?year={Year}");
        national.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        national.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_national_systems_token_reads_every_province_and_the_nation()
    {
        var clientId = $"national-{Guid.NewGuid():N}";
        await _data.RegisterClientsAsync(Machine(clientId, [PlatformRoles.NationalSupervisor], [], []));
        var api = await _data.ClientWithTokenAsync(clientId, Secret, "dashboards:read");

        (await DashboardTestData.GetJsonAsync<ProvinceListView>(api, $"/api/v1/dashboards/provinces?year={Year}")).Provinces.Count.ShouldBe(76);
        (await DashboardTestData.GetJsonAsync<ProvinceView>(api, $"/api/v1/dashboards/provinces/51?year={Year}")).Province.Code.ShouldBe("51");
        (await DashboardTestData.GetJsonAsync<NationalView>(api, $"/api/v1/dashboards/national?year={Year}")).Provinces.Count.ShouldBe(76);
    }

    [Fact]
    public async Task A_token_without_the_dashboards_scope_or_of_an_LAO_reads_no_dashboard()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var province = $"province-57-narrow-{Guid.NewGuid():N}";
        var lao = $"lao-{Guid.NewGuid():N}";
        await _data.RegisterClientsAsync(
            Machine(province, [PlatformRoles.ProvincialSupervisor], ["57"], []),
            Machine(lao, [], [], [$"{tenant.Id:N}:viewer"]));
        var withoutScope = await _data.ClientWithTokenAsync(province, Secret, "measures:read");
        var ofAnLao = await _data.ClientWithTokenAsync(lao, Secret, "measures:read dashboards:read");

        foreach (var api in new[] { withoutScope, ofAnLao })
        {
            foreach (var url in new[] { "/api/v1/dashboards/provinces", "/api/v1/dashboards/provinces/57", "/api/v1/dashboards/national" })
            {
                (await api.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            }
        }

        // The LAO's own token still reads its own measures: it is refused the dashboards, not broken.
        (await ofAnLao.GetAsync($"/api/v1/t/{tenant.Slug}/measures?year=2569")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
