using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Security;

/// <summary>
/// The routes outside <c>/t/{tenant}</c> (those are <c>AuthorizationMatrixTests</c>): dashboards, province alert
/// settings, the national view, the operator's screens, the personal notification centre. Read from the app's
/// endpoint list, so a new route fails this test until it is given an audience here — nothing new ships unguarded.
/// Each route × every kind of caller, with the province in and out of a supervisor's scope.
/// </summary>
public sealed class PlatformRouteMatrixTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    public enum Outcome
    {
        Allowed,
        Forbidden,
        NotFound,
        SignIn,

        /// <summary>400: the request itself is refused (a form without its antiforgery token, an empty body).</summary>
        Refused,
    }

    /// <summary>Who a route is for.</summary>
    private enum Audience
    {
        /// <summary>Anyone, signed in or not (sign-in, public documents, health, the OpenID Connect endpoints).</summary>
        Public,

        /// <summary>Any signed-in person (their own notifications, security, LAO choice).</summary>
        SignedIn,

        /// <summary>Supervisors of the province in the route, national supervisors; another province is 404.</summary>
        Province,

        /// <summary>National supervisors only; provincial supervisors are turned away (403 or their own province).</summary>
        National,

        /// <summary>Any supervisor: what they see is scoped inside (the province list).</summary>
        Supervisors,

        /// <summary>Platform operators only.</summary>
        Operator,
    }

    private sealed record Endpoint(string Method, string Pattern, bool IsApi);

    private sealed record Caller(string Name, BrowserlessClient Client, bool SignedIn, string Role, string? Province);

    /// <summary>
    /// Every route outside the tenant area, by prefix (first match wins). A route that matches none fails the test:
    /// give it an audience here when you add it.
    /// </summary>
    private static readonly (string Prefix, Audience Audience)[] Audiences =
    [
        ("/dashboards/provinces/{code", Audience.Province),
        ("/api/v1/dashboards/provinces/{code", Audience.Province),
        ("/dashboards/national", Audience.National),
        ("/api/v1/dashboards/national", Audience.National),
        ("/api/v1/dashboards/provinces", Audience.Supervisors),
        ("/dashboards", Audience.Supervisors),
        ("/operator", Audience.Operator),
        ("/notifications", Audience.SignedIn),
        ("/account/security", Audience.SignedIn),
        ("/account/select-tenant", Audience.SignedIn),
        ("/account/", Audience.Public),
        ("/alerts/", Audience.Public),
        ("/language", Audience.Public),
        ("/p/", Audience.Public),
        ("/status/", Audience.Public),
        ("/connect/", Audience.Public),
        ("/health", Audience.Public),
        ("/.well-known", Audience.Public),
        ("/openapi", Audience.Public),
        ("/", Audience.Public),
    ];

    [Fact]
    public async Task Every_route_outside_the_tenant_area_answers_each_caller_as_its_audience_allows()
    {
        var lao = await factory.Data.CreateTenantAsync();                    // province 57
        var (provincial, provincialKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.ProvincialSupervisor, "57");
        var (elsewhere, elsewhereKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.ProvincialSupervisor, "51");
        var (national, nationalKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.NationalSupervisor);
        var (operatorUser, operatorKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        var callers = new[]
        {
            new Caller("LAO admin", await BrowserlessClient.SignedInAsync(factory, lao.Admin), true, "lao", null),
            new Caller("provincial supervisor of 57", await SignedInAsync(provincial, provincialKey), true, PlatformRoles.ProvincialSupervisor, "57"),
            new Caller("provincial supervisor of 51", await SignedInAsync(elsewhere, elsewhereKey), true, PlatformRoles.ProvincialSupervisor, "51"),
            new Caller("national supervisor", await SignedInAsync(national, nationalKey), true, PlatformRoles.NationalSupervisor, null),
            new Caller("platform operator", await SignedInAsync(operatorUser, operatorKey), true, PlatformRoles.Operator, null),
            new Caller("anonymous", BrowserlessClient.Anonymous(factory), false, "anonymous", null),
        };

        var endpoints = PlatformEndpoints();
        var unclassified = endpoints.Where(e => AudienceOf(e) is null).Select(e => $"{e.Method} {e.Pattern}").ToList();
        unclassified.ShouldBeEmpty("routes without an audience in PlatformRouteMatrixTests.Audiences");
        endpoints.Count(e => AudienceOf(e) is Audience.Province).ShouldBeGreaterThanOrEqualTo(6);

        var failures = new StringBuilder();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var audience = AudienceOf(endpoint)!.Value;
            foreach (var caller in callers)
            {
                var (actual, status) = await CallAsync(caller.Client, endpoint);
                checkedCount++;
                if (status >= 500)
                {
                    failures.AppendLine($"{endpoint.Method} {endpoint.Pattern} as {caller.Name}: {status}");
                }
                else if (audience != Audience.Public && !Expected(audience, endpoint, caller).Contains(actual))
                {
                    failures.AppendLine($"{endpoint.Method} {endpoint.Pattern} as {caller.Name}: expected {string.Join(" or ", Expected(audience, endpoint, caller))}, got {actual} ({status})");
                }
            }
        }

        failures.ToString().ShouldBeEmpty();
        checkedCount.ShouldBe(endpoints.Count * callers.Length);
    }

    private async Task<BrowserlessClient> SignedInAsync(TestUser user, string key) =>
        await BrowserlessClient.SignedInAsync(factory, user.Email, TestData.Password, key);

    private static Outcome[] Expected(Audience audience, Endpoint endpoint, Caller caller)
    {
        if (!caller.SignedIn)
        {
            return [Outcome.SignIn];
        }

        var supervisor = caller.Role is PlatformRoles.ProvincialSupervisor or PlatformRoles.NationalSupervisor;
        var operatorRole = caller.Role == PlatformRoles.Operator;
        // What the route's own audience gets: the page, or (a form posted empty, without its token) a 400.
        Outcome[] allowed = endpoint.Method == "GET" ? [Outcome.Allowed] : [Outcome.Allowed, Outcome.Refused];
        return audience switch
        {
            Audience.SignedIn => allowed,
            // Operators run the service and read the figures with national scope (SupervisorAccess.DashboardScope).
            Audience.Supervisors => supervisor || operatorRole ? allowed : [Outcome.Forbidden],
            // A provincial supervisor on the national view: refused, or (pages) sent to their own province.
            Audience.National => caller.Role == PlatformRoles.NationalSupervisor || operatorRole ? allowed
                : caller.Role == PlatformRoles.ProvincialSupervisor ? [Outcome.Forbidden, Outcome.Allowed] : [Outcome.Forbidden],
            // Another province does not even exist for a provincial supervisor; a form posted there without its
            // antiforgery token is refused before the page looks (400), which says nothing either.
            Audience.Province => !supervisor && !operatorRole ? [Outcome.Forbidden]
                : caller.Province is null or "57" ? allowed
                : endpoint.Method == "GET" ? [Outcome.NotFound] : [Outcome.NotFound, Outcome.Refused],
            // An operator's screen of one record: a made-up id is 404 for the operator, forbidden for the rest.
            Audience.Operator => !operatorRole ? [Outcome.Forbidden] : [.. allowed, Outcome.NotFound],
            _ => allowed,
        };
    }

    private static Audience? AudienceOf(Endpoint endpoint) =>
        Audiences.Where(a => endpoint.Pattern.StartsWith(a.Prefix, StringComparison.Ordinal))
            .Select(a => (Audience?)a.Audience).FirstOrDefault();

    private List<Endpoint> PlatformEndpoints()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("{tenant}", StringComparison.Ordinal) == false)
            // The files of wwwroot are StaticAssetsTests' subject.
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .SelectMany(e =>
            {
                var pattern = "/" + e.RoutePattern.RawText!.TrimStart('/');
                // A page answers the methods of its handlers (OnGet, OnPost…); an endpoint names its own.
                var methods = e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page
                    ? page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Distinct().ToList()
                    : e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                return methods.Select(m => new Endpoint(m, pattern, pattern.StartsWith("/api/", StringComparison.Ordinal)));
            })
            // The token endpoint's grants are OpenIdConnectTests' subject; sign-out would end the caller's session.
            .Where(e => !e.Pattern.StartsWith("/connect/", StringComparison.Ordinal) || e.Method == "GET")
            .Where(e => e.Pattern is not "/account/sign-out" and not "/connect/endsession")
            .DistinctBy(e => (e.Method, e.Pattern))
            .OrderBy(e => e.Pattern).ThenBy(e => e.Method)
            .ToList();
    }

    private static async Task<(Outcome Outcome, int Status)> CallAsync(BrowserlessClient client, Endpoint endpoint)
    {
        var url = endpoint.Pattern
            .Replace("{code:length(2)}", "57", StringComparison.Ordinal)
            .Replace("{code}", "57", StringComparison.Ordinal)
            .Replace("{format}", "csv", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{slug}", "no-such-lao", StringComparison.Ordinal)
            .Replace("{year:int}", "2569", StringComparison.Ordinal)
            .Replace("{document}", "results", StringComparison.Ordinal)
            .Replace("{code:int}", "404", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (endpoint.Method is "POST" or "PUT")
        {
            // No antiforgery token and an empty body: an allowed caller gets a refusal of the form, nothing changes.
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        var response = await client.Http.SendAsync(request);
        var location = response.Headers.Location?.ToString() ?? "";
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.Unauthorized => Outcome.SignIn,
            HttpStatusCode.BadRequest => Outcome.Refused,
            HttpStatusCode.Redirect when location.Contains("/status/403", StringComparison.Ordinal) => Outcome.Forbidden,
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => Outcome.SignIn,
            _ => Outcome.Allowed,
        };
        return (outcome, (int)response.StatusCode);
    }
}
