using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Security;

/// <summary>
/// Over HTTPS the session cookie is <c>__Host-</c>-prefixed (Secure, path /, no Domain), so a sibling site cannot
/// plant or overwrite it; a bare-named cookie — what another site could set — is not a session; HSTS is sent (for a real host name: localhost is excluded).
/// </summary>
public sealed class HostPrefixCookieTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Over_https_the_session_cookie_is_host_prefixed_and_a_bare_one_is_no_session()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var https = new BrowserlessClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://platform.wiangha.test"), AllowAutoRedirect = false, HandleCookies = true,
        }));

        var signIn = await https.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = tenant.Admin.Email, ["Password"] = TestData.Password });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.Contains("wiangha.auth", StringComparison.Ordinal));
        session.ShouldStartWith("__Host-wiangha.auth=");
        session.ShouldContain("secure", Case.Insensitive);
        session.ShouldContain("path=/;", Case.Insensitive);
        session.ShouldNotContain("domain=", Case.Insensitive);
        signIn.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        (await https.Http.GetAsync($"/t/{tenant.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same value under the bare name, as a cookie planted by another site would arrive: not signed in.
        var value = session.Split(';')[0]["__Host-wiangha.auth=".Length..];
        using var planted = new HttpRequestMessage(HttpMethod.Get, $"/t/{tenant.Slug}/measures");
        planted.Headers.Add("Cookie", $"wiangha.auth={value}");
        using var plain = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://platform.wiangha.test"), AllowAutoRedirect = false, HandleCookies = false,
        });
        var response = await plain.SendAsync(planted);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task Over_plain_http_on_a_developers_machine_the_names_stay_bare()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var http = BrowserlessClient.Anonymous(factory);

        var signIn = await http.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = tenant.Admin.Email, ["Password"] = TestData.Password });

        signIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("wiangha.auth=", StringComparison.Ordinal));
        (await http.Http.GetAsync($"/t/{tenant.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
