using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Security;

/// <summary>The platform behind an ingress at 127.0.0.1 that it is told to trust (real Kestrel, real sockets).</summary>
public sealed class TrustedProxyPlatformFactory : KestrelPlatformFactory
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Platform:ForwardedHeaders:KnownProxies:0", "127.0.0.1")];
}

/// <summary>
/// X-Forwarded-For/Proto/Host are believed from the configured proxies only: behind the trusted ingress the app sees
/// the client's address (the sign-in throttle counts it) and the public https host (the issuer); from anywhere else
/// the same headers change nothing, so a client cannot pose as another address.
/// </summary>
public sealed class ForwardedHeadersTests(TrustedProxyPlatformFactory trusted, KestrelPlatformFactory untrusted)
    : IClassFixture<TrustedProxyPlatformFactory>, IClassFixture<KestrelPlatformFactory>
{
    [Fact]
    public async Task Headers_from_the_trusted_proxy_give_the_client_address_scheme_and_host()
    {
        var (issuer, client) = await ThroughAsync(trusted);

        issuer.ShouldBe("https://wiangha.example.go.th/");
        client.ShouldBe("203.0.113.9");
    }

    [Fact]
    public async Task The_same_headers_from_an_unknown_proxy_change_nothing()
    {
        var (issuer, client) = await ThroughAsync(untrusted);

        issuer.ShouldBe(untrusted.BaseAddress.ToString());
        client.ShouldBe("127.0.0.1");
    }

    /// <summary>Reads the issuer and fails one sign-in with forwarded headers; returns the issuer and the address counted.</summary>
    private static async Task<(string Issuer, string Client)> ThroughAsync(KestrelPlatformFactory factory)
    {
        var http = factory.CreateBrowserClient();
        http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        http.DefaultRequestHeaders.Add("X-Forwarded-Host", "wiangha.example.go.th");
        using var discovery = JsonDocument.Parse(await http.GetStringAsync("/.well-known/openid-configuration"));
        var issuer = discovery.RootElement.GetProperty("issuer").GetString()!;

        var email = $"nobody-{Guid.NewGuid():N}@lao.test";
        var browser = new BrowserlessClient(http);
        (await browser.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "wrong-password-1" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = factory.Scope();
        var attempt = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().SignInAttempts.SingleAsync(a => a.Account == SignInThrottle.AccountKey(email));
        return (issuer, attempt.Client);
    }
}
