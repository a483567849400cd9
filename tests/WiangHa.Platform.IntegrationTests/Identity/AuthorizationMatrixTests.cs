using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Identity;

/// <summary>
/// Every tenant endpoint the app maps (read from its endpoint list, so a new endpoint is covered automatically)
/// × every kind of caller × the caller's own tenant, another tenant, and another province.
/// </summary>
public sealed class AuthorizationMatrixTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    public enum Outcome
    {
        Allowed,
        Forbidden,
        NotFound,
        SignIn,
    }

    /// <summary>Pages and API routes only the tenant admin may use (reads and writes alike).</summary>
    private static readonly string[] AdminOnlyPages = ["/org-units", "/users", "/audit", "/alerts"];

    private sealed record Endpoint(string Method, string Pattern, bool IsApi);

    [Fact]
    public async Task Every_tenant_endpoint_answers_each_caller_as_its_role_allows()
    {
        var home = await factory.Data.CreateTenantAsync();                 // province 57
        var other = await factory.Data.CreateTenantAsync();                // another LAO, same province
        var measure = await factory.Data.CreateMeasureAsync(home);
        var ids = new Dictionary<string, string>
        {
            ["/measures/"] = measure.ToString(),
            ["/org-units/"] = home.UnitIds[0].ToString(), // named by the measure: deleting it is refused, so nothing changes
            ["/disclosures/"] = (await factory.Data.CreateDisclosureAsync(home, 2566, "O1", "https://home.example/structure")).ToString(),
            ["/runs/"] = (await factory.Data.CreateComplianceRunAsync(home)).ToString(),
        };
        var (provincial, provincialKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.ProvincialSupervisor, "57");
        var (elsewhere, elsewhereKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.ProvincialSupervisor, "51");
        var (national, nationalKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.NationalSupervisor);
        var (operatorUser, operatorKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);

        var callers = new (string Name, BrowserlessClient Client, Func<Endpoint, Outcome> Expect)[]
        {
            ("tenant admin", await BrowserlessClient.SignedInAsync(factory, home.Admin), _ => Outcome.Allowed),
            ("tenant editor", await BrowserlessClient.SignedInAsync(factory, home.Editor), e => AdminOnly(e) ? Outcome.Forbidden : Outcome.Allowed),
            ("tenant viewer", await BrowserlessClient.SignedInAsync(factory, home.Viewer), e => AdminOnly(e) || Writes(e) ? Outcome.Forbidden : Outcome.Allowed),
            ("admin of another LAO", await BrowserlessClient.SignedInAsync(factory, other.Admin), _ => Outcome.NotFound),
            ("provincial supervisor", await BrowserlessClient.SignedInAsync(factory, provincial.Email, TestData.Password, provincialKey), ReadOnly),
            ("supervisor of another province", await BrowserlessClient.SignedInAsync(factory, elsewhere.Email, TestData.Password, elsewhereKey), _ => Outcome.NotFound),
            ("national supervisor", await BrowserlessClient.SignedInAsync(factory, national.Email, TestData.Password, nationalKey), ReadOnly),
            ("platform operator", await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, operatorKey), _ => Outcome.NotFound),
            ("anonymous", BrowserlessClient.Anonymous(factory), _ => Outcome.SignIn),
        };

        var endpoints = TenantEndpoints();
        endpoints.Count.ShouldBeGreaterThan(15);
        var failures = new StringBuilder();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var (name, client, expect) in callers)
            {
                var actual = await CallAsync(client, endpoint, home, ids);
                checkedCount++;
                if (actual != expect(endpoint))
                {
                    failures.AppendLine($"{endpoint.Method} {endpoint.Pattern} as {name}: expected {expect(endpoint)}, got {actual}");
                }
            }
        }

        failures.ToString().ShouldBeEmpty();
        checkedCount.ShouldBe(endpoints.Count * callers.Length);
    }

    /// <summary>Supervisors read, never write; admin-only screens are not theirs.</summary>
    private static Outcome ReadOnly(Endpoint e) => AdminOnly(e) || Writes(e) ? Outcome.Forbidden : Outcome.Allowed;

    private static bool Writes(Endpoint e) =>
        e.Method != "GET" || WritePages.Any(p => e.Pattern.EndsWith(p, StringComparison.Ordinal));

    /// <summary>Pages whose purpose is to change data (forms), for editors and admins only.</summary>
    private static readonly string[] WritePages = ["/new", "/edit", "/delete", "/import"];

    private static bool AdminOnly(Endpoint e) =>
        (!e.IsApi && AdminOnlyPages.Any(p => e.Pattern.Contains(p, StringComparison.Ordinal)))
        || (e.IsApi && e.Pattern.Contains("/org-units", StringComparison.Ordinal) && e.Method != "GET");

    private List<Endpoint> TenantEndpoints()
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("{tenant}", StringComparison.Ordinal) == true)
            .SelectMany(e =>
            {
                var pattern = "/" + e.RoutePattern.RawText!.TrimStart('/');
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                return methods.Select(m => new Endpoint(m, pattern, pattern.StartsWith("/api/", StringComparison.Ordinal)));
            })
            .DistinctBy(e => (e.Method, e.Pattern))
            // Deletes last: they are the only calls that could remove what later calls use.
            .OrderBy(e => e.Method == "DELETE").ThenBy(e => e.Pattern).ThenBy(e => e.Method)
            .ToList();
    }

    private static async Task<Outcome> CallAsync(BrowserlessClient client, Endpoint endpoint, TestTenant tenant, Dictionary<string, string> ids)
    {
        var id = ids.FirstOrDefault(i => endpoint.Pattern.Contains(i.Key, StringComparison.Ordinal)).Value ?? ids["/measures/"];
        var url = endpoint.Pattern.Replace("{tenant}", tenant.Slug, StringComparison.Ordinal)
            .Replace("{id:guid}", id, StringComparison.Ordinal)
            .Replace("{id}", id, StringComparison.Ordinal)
            .Replace("{code}", "O1", StringComparison.Ordinal)
            .Replace("{year:int}", "2566", StringComparison.Ordinal)
            .Replace("{fiscalYear:int}", "2566", StringComparison.Ordinal)
            .Replace("{document}", "results", StringComparison.Ordinal)
            .Replace("{kind}", "results", StringComparison.Ordinal)
            .Replace("{format}", "docx", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (endpoint.Method is "POST" or "PUT")
        {
            // An empty body: an allowed caller gets a validation answer, so nothing is changed by the matrix.
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (endpoint.Method is "PUT" or "DELETE")
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{Guid.NewGuid():N}\"");
        }

        var response = await client.Http.SendAsync(request);
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.Unauthorized => Outcome.SignIn,
            HttpStatusCode.Redirect when location.Contains("/status/403", StringComparison.Ordinal) => Outcome.Forbidden,
            HttpStatusCode.Redirect when location.Contains("/account/sign-in", StringComparison.Ordinal) => Outcome.SignIn,
            _ => Outcome.Allowed,
        };
    }
}
