using System.Net;
using Duende.IdentityModel.Client;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Identity;

/// <summary>The token endpoint's rate limit answers as OAuth does (a JSON error), so client libraries can read it.</summary>
public sealed class TokenRateLimitTests(TokenRateLimitTests.Factory factory) : IClassFixture<TokenRateLimitTests.Factory>
{
    public sealed class Factory : KestrelPlatformFactory
    {
        public const int TokenPerMinute = 2;

        protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
            [.. base.ExtraSettings, ("Security:RateLimits:TokenPerMinute", TokenPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Fact]
    public async Task Too_many_token_requests_get_429_with_an_oauth_json_error()
    {
        var a = await factory.Data.CreateTenantAsync();
        var (clientId, secret) = await new OidcTestClient(factory).RegisterMachineClientAsync($"{a.Id:N}:viewer");
        using var http = new HttpClient();
        var request = () => http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = new Uri(factory.BaseAddress, "/connect/token").ToString(), ClientId = clientId, ClientSecret = secret, Scope = "measures:read",
        });
        for (var i = 0; i < Factory.TokenPerMinute; i++)
        {
            (await request()).IsError.ShouldBeFalse();
        }

        var limited = await request();

        limited.HttpStatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        using var body = System.Text.Json.JsonDocument.Parse(limited.Raw!);
        body.RootElement.GetProperty("error").GetString().ShouldBe("temporarily_unavailable", "the body is an OAuth error, not text");
        body.RootElement.GetProperty("error_description").GetString().ShouldNotBeNullOrEmpty();
        limited.HttpResponse!.Headers.RetryAfter.ShouldNotBeNull();
        limited.HttpResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }
}
