using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Compliance;

/// <summary>Disclosures, runs, results and link checks are tenant-owned: another tenant's ids are 404, writes are guarded.</summary>
public sealed class ComplianceIsolationTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private async Task<Guid> RunOfAsync(TestTenant tenant)
    {
        await using var scope = factory.Scope();
        var organisation = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Organisations.SingleAsync(o => o.Id == tenant.Id);
        await scope.ServiceProvider.GetRequiredService<WiangHa.Platform.Infrastructure.Compliance.ComplianceRunner>()
            .RunTenantAsync(organisation, "isolation", ComplianceRunKind.Nightly);
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ComplianceRuns.Select(r => r.Id).FirstAsync();
        }
    }

    [Fact]
    public async Task Another_tenants_disclosure_is_404_for_read_update_and_delete_and_stays_unchanged()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bDisclosure = await factory.Data.CreateDisclosureAsync(b, 2567, "O1", "https://b.example/structure");
        var client = await BrowserlessClient.SignedInAsync(factory, a.Admin);
        var bOwner = await BrowserlessClient.SignedInAsync(factory, b.Viewer);
        var before = await bOwner.Http.GetStringAsync($"/api/v1/t/{b.Slug}/compliance/disclosures/{bDisclosure}");

        var url = $"/api/v1/t/{a.Slug}/compliance/disclosures/{bDisclosure}";
        (await client.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.SendJsonAsync(HttpMethod.Put, url, new { answer = "No", urls = Array.Empty<string>() }, ifMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.SendJsonAsync(HttpMethod.Delete, url, ifMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Without a precondition the answer is 428 whether the row exists or not: it tells nothing about B.
        (await client.SendJsonAsync(HttpMethod.Delete, url)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await client.Http.GetStringAsync($"/api/v1/t/{a.Slug}/compliance/disclosures?year=2567")).ShouldBe("[]");

        (await bOwner.Http.GetStringAsync($"/api/v1/t/{b.Slug}/compliance/disclosures/{bDisclosure}")).ShouldBe(before);
    }

    [Fact]
    public async Task Another_tenants_runs_are_404_on_the_api_and_the_status_page()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bRun = await RunOfAsync(b);
        var client = await BrowserlessClient.SignedInAsync(factory, a.Admin);

        (await client.Http.GetAsync($"/api/v1/t/{a.Slug}/compliance/runs/{bRun}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.Http.GetAsync($"/t/{a.Slug}/compliance/runs/{bRun}/status")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.Http.GetAsync($"/api/v1/t/{a.Slug}/compliance/2569")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pages_and_api_of_a_tenant_the_user_does_not_belong_to_are_404()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bRun = await RunOfAsync(b);
        var client = await BrowserlessClient.SignedInAsync(factory, a.Admin);
        foreach (var url in new[]
                 {
                     $"/t/{b.Slug}/compliance", $"/t/{b.Slug}/compliance/2567/items/O1", $"/t/{b.Slug}/compliance/runs/{bRun}/status",
                     $"/api/v1/t/{b.Slug}/compliance/2569", $"/api/v1/t/{b.Slug}/compliance/runs/{bRun}",
                 })
        {
            (await client.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var save = await client.PostFormAsync($"/t/{b.Slug}/compliance/2567/items/O1", [new("Form.Answer", "Yes"), new("Form.Urls", "https://x.example/")], $"/t/{a.Slug}/compliance");
        save.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/t/{b.Slug}/compliance/2567/check-now", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(b.Info))
        {
            (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ItemDisclosures.CountAsync()).ShouldBe(0);
            (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ComplianceRuns.CountAsync()).ShouldBe(1);
        }
    }

    [Fact]
    public async Task A_body_smuggling_another_tenants_id_writes_only_to_the_routes_tenant()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        var response = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/t/{a.Slug}/compliance/disclosures",
            new { tenantId = b.Id, assessmentYear = 2567, itemCode = "O2", answer = "Yes", urls = new[] { "https://a.example/executives" } }, ifNoneMatch: "*");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(b.Info))
        {
            (await db.ItemDisclosures.CountAsync()).ShouldBe(0);
        }

        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(a.Info))
        {
            (await db.ItemDisclosures.SingleAsync()).TenantId.ShouldBe(a.Id);
        }
    }

    [Theory]
    [InlineData("disclosure")]
    [InlineData("run")]
    [InlineData("result")]
    [InlineData("link-check")]
    public async Task Adding_a_row_that_smuggles_another_tenants_id_is_refused(string entity)
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var version = await db.ItaManualVersions.Select(v => v.Id).FirstAsync();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(a.Info))
        {
            object row = entity switch
            {
                "disclosure" => new ItemDisclosure { TenantId = b.Id, AssessmentYear = 2567, ItemCode = "O1" },
                "run" => new ComplianceRun { TenantId = b.Id, Slot = "x", ManualVersionId = version },
                "result" => new ComplianceResult { TenantId = b.Id, ItemCode = "O1", RunId = Guid.NewGuid() },
                _ => new LinkCheck { TenantId = b.Id, Url = "https://x.example/" },
            };
            db.Add(row);
            await Should.ThrowAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task A_viewer_cannot_save_a_disclosure_and_bad_input_is_a_thai_validation_problem()
    {
        var a = await factory.Data.CreateTenantAsync();
        var viewer = await BrowserlessClient.SignedInAsync(factory, a.Viewer);
        (await viewer.SendJsonAsync(HttpMethod.Put, $"/api/v1/t/{a.Slug}/compliance/disclosures", new { assessmentYear = 2567, itemCode = "O1", answer = "Yes", urls = new[] { "https://a.example/" } }, ifNoneMatch: "*"))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        var bad = await editor.SendJsonAsync(HttpMethod.Put, $"/api/v1/t/{a.Slug}/compliance/disclosures", new { assessmentYear = 2567, itemCode = "O99", answer = "Yes", urls = new[] { "javascript:alert(1)" } }, ifNoneMatch: "*");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await bad.Content.ReadAsStringAsync();
        body.ShouldContain("ไม่มีข้อ O99");
        body.ShouldContain("ไม่ใช่ลิงก์เว็บที่ถูกต้อง");

        var page = await editor.PostFormAsync($"/t/{a.Slug}/compliance/2567/items/O1", [new("Form.Answer", "Yes"), new("Form.Urls", "")]);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("ต้องใส่ลิงก์ของข้อมูลบนเว็บไซต์อย่างน้อย 1 ลิงก์");
    }

    [Fact]
    public async Task A_null_url_in_a_disclosure_is_ignored_not_a_500()
    {
        var a = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        var response = await editor.SendJsonAsync(HttpMethod.Put, $"/api/v1/t/{a.Slug}/compliance/disclosures",
            new { assessmentYear = 2567, itemCode = "O1", answer = "Yes", urls = new string?[] { null, "https://a.example/structure" } }, ifNoneMatch: "*");

        ((int)response.StatusCode).ShouldBeLessThan(300, await response.Content.ReadAsStringAsync());
        (await editor.Http.GetStringAsync($"/api/v1/t/{a.Slug}/compliance/disclosures?year=2567")).ShouldContain("https://a.example/structure");
    }

    [Fact]
    public async Task A_stale_if_match_on_a_disclosure_is_a_412_and_nothing_is_overwritten()
    {
        var a = await factory.Data.CreateTenantAsync();
        var id = await factory.Data.CreateDisclosureAsync(a, 2567, "O3", "https://a.example/powers");
        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        var url = $"/api/v1/t/{a.Slug}/compliance/disclosures/{id}";
        var etag = (await editor.Http.GetAsync(url)).Headers.ETag!.Tag;
        (await editor.SendJsonAsync(HttpMethod.Put, url, new { answer = "Yes", urls = new[] { "https://a.example/powers-2" } }, ifMatch: etag)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await editor.SendJsonAsync(HttpMethod.Put, url, new { answer = "No", urls = Array.Empty<string>() }, ifMatch: etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await editor.Http.GetStringAsync(url)).ShouldContain("powers-2");
    }
}
