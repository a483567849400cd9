using System.Net;
using System.Text.Json;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Dashboards;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Security;

/// <summary>
/// The API's rate limit counts per client (not per IP: every test client here comes from the same address), says where
/// the caller stands in <c>RateLimit</c> headers and answers 429 with <c>Retry-After</c> and a ProblemDetails; CORS
/// lets the registered browser origins call <c>/api/v1</c> and the token endpoint, and nobody else.
/// </summary>
public sealed class ApiRateLimitAndCorsTests(ApiLimitsFactory factory) : IClassFixture<ApiLimitsFactory>
{
    private const string Secret = "test-secret-for-rate-limits";

    private readonly DashboardTestData _data = new(factory);

    private async Task<HttpClient> MachineAsync()
    {
        var clientId = $"province-57-{Guid.NewGuid():N}";
        await _data.RegisterClientsAsync(new OpenIdClientSettings
        {
            ClientId = clientId, ClientSecret = Secret, GrantTypes = ["client_credentials"], Scopes = ["dashboards:read"],
            Roles = [PlatformRoles.ProvincialSupervisor], Provinces = ["57"],
        });
        return await _data.ClientWithTokenAsync(clientId, Secret, "dashboards:read");
    }

    [Fact]
    public async Task One_client_past_its_limit_gets_429_while_another_client_is_still_served()
    {
        var busy = await MachineAsync();
        var other = await MachineAsync();

        for (var call = 1; call <= ApiLimitsFactory.ApiPerMinute; call++)
        {
            var response = await busy.GetAsync("/api/v1/laos");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"call {call}");
            response.Headers.GetValues("RateLimit-Policy").Single().ShouldBe($"{ApiLimitsFactory.ApiPerMinute};w=60");
            // The test clock stands at a whole minute: the window resets in 60 s.
            response.Headers.GetValues("RateLimit").Single().ShouldBe($"limit={ApiLimitsFactory.ApiPerMinute}, remaining={ApiLimitsFactory.ApiPerMinute - call}, reset=60");
        }

        var refused = await busy.GetAsync("/api/v1/laos");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60));
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        problem.GetProperty("title").GetString()!.ShouldContain("too many requests");
        refused.Headers.GetValues("RateLimit").Single().ShouldContain("remaining=0");

        (await other.GetAsync("/api/v1/laos")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The next window serves the busy client again.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await busy.GetAsync("/api/v1/laos")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Preflights_are_answered_for_registered_browser_origins_only()
    {
        await _data.RegisterClientsAsync(new OpenIdClientSettings
        {
            ClientId = $"spa-{Guid.NewGuid():N}", GrantTypes = ["authorization_code"], RedirectUris = ["https://line-bridge.example/callback"], Scopes = ["measures:read"],
        });
        using var http = factory.CreateClient();

        async Task<HttpResponseMessage> PreflightAsync(string path, string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, path);
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "GET");
            request.Headers.Add("Access-Control-Request-Headers", "authorization");
            return await http.SendAsync(request);
        }

        foreach (var (path, origin) in new[]
        {
            ("/api/v1/laos", ApiLimitsFactory.ConfiguredOrigin), ("/api/v1/t/any/measures", "https://line-bridge.example"), ("/connect/token", "https://line-bridge.example"),
        })
        {
            var allowed = await PreflightAsync(path, origin);
            allowed.StatusCode.ShouldBe(HttpStatusCode.NoContent, $"{path} from {origin}");
            allowed.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(origin);
            allowed.Headers.GetValues("Access-Control-Allow-Headers").Single().ShouldContain("authorization", Case.Insensitive);
            allowed.Headers.Contains("Access-Control-Allow-Credentials").ShouldBeFalse("the UI cookie never goes cross-origin");
        }

        foreach (var (path, origin) in new[]
        {
            ("/api/v1/laos", "https://evil.example"), ("/api/v1/laos", "http://line-bridge.example"), ("/t/any/measures", ApiLimitsFactory.ConfiguredOrigin),
        })
        {
            var refused = await PreflightAsync(path, origin);
            refused.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse($"{path} from {origin}");
        }

        // A simple request from an allowed origin may read the answer's paging and limit headers.
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/laos");
        get.Headers.Add("Origin", ApiLimitsFactory.ConfiguredOrigin);
        var answer = await http.SendAsync(get);
        answer.Headers.GetValues("Access-Control-Allow-Origin").Single().ShouldBe(ApiLimitsFactory.ConfiguredOrigin);
        answer.Headers.GetValues("Access-Control-Expose-Headers").Single().ShouldContain("RateLimit");
    }
}
