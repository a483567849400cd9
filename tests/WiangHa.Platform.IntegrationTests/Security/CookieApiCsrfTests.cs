using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Security;

/// <summary>
/// Another site making a signed-in clerk's browser write through the API with the session cookie: a cross-origin
/// form POST to "check now" (issue 11) and a script request announcing a foreign origin are refused and change
/// nothing; the platform's own same-origin JSON writes, and bearer requests, go on working.
/// </summary>
public sealed class CookieApiCsrfTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Cookie_borne_api_writes_from_another_site_are_refused_and_queue_nothing()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var checkNow = $"/api/v1/t/{tenant.Slug}/compliance/2569/check-now";

        var form = new HttpRequestMessage(HttpMethod.Post, checkNow) { Content = new StringContent("x=1", Encoding.UTF8, "application/x-www-form-urlencoded") };
        form.Headers.Add("Origin", "https://evil.example");
        var crossSiteForm = await editor.Http.SendAsync(form);
        crossSiteForm.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        crossSiteForm.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var plainText = await editor.Http.PostAsync(checkNow, new StringContent("{}", Encoding.UTF8, "text/plain"));
        plainText.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var script = new HttpRequestMessage(HttpMethod.Post, checkNow);
        script.Headers.Add("Origin", "https://evil.example");
        (await editor.Http.SendAsync(script)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RunsAsync(tenant)).ShouldBe(0);

        // The platform's own page script and tools: same origin, no form body.
        var own = new HttpRequestMessage(HttpMethod.Post, checkNow);
        own.Headers.Add("Origin", editor.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        (await editor.Http.SendAsync(own)).IsSuccessStatusCode.ShouldBeTrue();
        (await RunsAsync(tenant)).ShouldBe(1);
    }

    private async Task<int> RunsAsync(TestTenant tenant)
    {
        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<WiangHa.Platform.Infrastructure.Tenancy.TenantScope>().Enter(tenant.Info))
        {
            return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ComplianceRuns.CountAsync();
        }
    }
}
