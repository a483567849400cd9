using System.Net;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Tenancy;

/// <summary>A user of tenant A can neither read nor change tenant B's data through the API.</summary>
public sealed class TenantIsolationApiTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Measure_of_another_tenant_is_404_for_read_update_and_delete_and_stays_unchanged()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bMeasure = await factory.Data.CreateMeasureAsync(b, "มาตรการของ B");
        var client = await BrowserlessClient.SignedInAsync(factory, a.Admin);
        var bOwner = await BrowserlessClient.SignedInAsync(factory, b.Viewer);
        var before = await bOwner.Http.GetStringAsync($"/api/v1/t/{b.Slug}/measures/{bMeasure}");

        (await client.Http.GetAsync($"/api/v1/t/{a.Slug}/measures/{bMeasure}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var update = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/t/{a.Slug}/measures/{bMeasure}", MeasureInputs.Valid(), ifMatch: $"\"{Guid.NewGuid():N}\"");
        update.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/t/{a.Slug}/measures/{bMeasure}", ifMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await BrowserlessClient.ReadJsonAsync<List<MeasureView>>(await client.Http.GetAsync($"/api/v1/t/{a.Slug}/measures"));
        list.ShouldNotContain(m => m.Id == bMeasure);

        (await bOwner.Http.GetStringAsync($"/api/v1/t/{b.Slug}/measures/{bMeasure}")).ShouldBe(before);
    }

    [Fact]
    public async Task Route_of_a_tenant_the_user_does_not_belong_to_is_404_with_problem_details()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bMeasure = await factory.Data.CreateMeasureAsync(b);
        var client = await BrowserlessClient.SignedInAsync(factory, a.Admin);

        foreach (var url in new[] { $"/api/v1/t/{b.Slug}/measures", $"/api/v1/t/{b.Slug}/measures/{bMeasure}", $"/api/v1/t/{b.Slug}/org-units" })
        {
            var response = await client.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("มาตรการ");
        }

        var create = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/t/{b.Slug}/measures", MeasureInputs.Valid());
        create.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var delete = await client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/t/{b.Slug}/measures/{bMeasure}");
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var scope = factory.Scope();
        (await MeasuresOf(factory, b)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_tenant_is_404()
    {
        var a = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        (await client.Http.GetAsync("/api/v1/t/no-such-lao/measures")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Org_unit_of_another_tenant_is_404_for_read_update_and_delete()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, a.Admin);
        var bUnit = b.UnitIds[1];

        (await client.Http.GetAsync($"/api/v1/t/{a.Slug}/org-units/{bUnit}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/t/{a.Slug}/org-units/{bUnit}", new OrgUnitInput("ยึดหน่วยงาน", 1), ifMatch: $"\"{Guid.NewGuid():N}\""))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.SendJsonAsync(HttpMethod.Delete, $"/api/v1/t/{a.Slug}/org-units/{bUnit}", ifMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var bAdmin = await BrowserlessClient.SignedInAsync(factory, b.Admin);
        var units = await BrowserlessClient.ReadJsonAsync<List<OrgUnitView>>(await bAdmin.Http.GetAsync($"/api/v1/t/{b.Slug}/org-units"));
        units.Single(u => u.Id == bUnit).Name.ShouldBe("กองคลัง");
    }

    [Fact]
    public async Task Measure_naming_another_tenants_unit_is_refused_and_nothing_is_saved()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        var response = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/t/{a.Slug}/measures",
            MeasureInputs.Valid() with { ResponsibleUnitIds = [a.UnitIds[0], b.UnitIds[0]] });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("ResponsibleUnitIds");
        (await MeasuresOf(factory, a)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Suspended_tenant_is_refused_with_a_clear_problem()
    {
        var suspended = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, suspended.Editor);
        await factory.Data.SetStatusAsync(suspended, Domain.Organisations.OrganisationStatus.Suspended);

        var response = await client.Http.GetAsync($"/api/v1/t/{suspended.Slug}/measures");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("ระงับการใช้งาน");
    }

    [Fact]
    public async Task Anonymous_api_call_is_401_not_a_redirect()
    {
        var a = await factory.Data.CreateTenantAsync();
        var response = await BrowserlessClient.Anonymous(factory).Http.GetAsync($"/api/v1/t/{a.Slug}/measures");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    internal static async Task<List<MeasureView>> MeasuresOf(PlatformFactory factory, TestTenant tenant)
    {
        var owner = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);
        return await BrowserlessClient.ReadJsonAsync<List<MeasureView>>(await owner.Http.GetAsync($"/api/v1/t/{tenant.Slug}/measures"));
    }
}
