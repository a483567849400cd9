using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Common;

/// <summary>
/// ADR 0008's one concurrency rule, for every API route that edits or deletes one row by id (read from the app's own
/// endpoint list, so a new route is covered without anyone remembering): no If-Match is 428, a stale one 409, and
/// neither changes the row.
/// </summary>
public sealed class ConcurrencyRuleTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Every_edit_or_delete_by_id_needs_the_current_version()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var ids = new Dictionary<string, string>
        {
            ["/measures/"] = (await factory.Data.CreateMeasureAsync(tenant)).ToString(),
            ["/org-units/"] = tenant.UnitIds[3].ToString(), // named by no measure: a delete would be allowed
            ["/disclosures/"] = (await factory.Data.CreateDisclosureAsync(tenant, 2566, "O1", "https://lao.example/structure")).ToString(),
        };
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var routes = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.RoutePattern.RawText.EndsWith("{id:guid}", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "PUT" or "DELETE").Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Distinct().ToList();
        routes.Count.ShouldBe(6, "PUT and DELETE of measures, org units and disclosures");

        var failures = new StringBuilder();
        foreach (var (method, pattern) in routes)
        {
            var url = pattern.Replace("{tenant}", tenant.Slug, StringComparison.Ordinal)
                .Replace("{id:guid}", ids.Single(i => pattern.Contains(i.Key, StringComparison.Ordinal)).Value, StringComparison.Ordinal);
            var before = await admin.Http.GetStringAsync(url);
            foreach (var (ifMatch, expected) in new[]
                     {
                         ((string?)null, HttpStatusCode.PreconditionRequired), ($"\"{Guid.NewGuid():N}\"", HttpStatusCode.Conflict),
                         // Malformed versions are no version: never a write without the check (issue 11).
                         ("garbage", HttpStatusCode.PreconditionRequired), ("\"\"", HttpStatusCode.PreconditionRequired), ("W/", HttpStatusCode.PreconditionRequired),
                     })
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
                if (ifMatch is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                }

                var response = await admin.Http.SendAsync(request);
                if (response.StatusCode != expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.AppendLine($"{method} {pattern} with If-Match {ifMatch ?? "(none)"}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                }
            }

            (await admin.Http.GetStringAsync(url)).ShouldBe(before, $"{method} {pattern} changed the row");
        }

        failures.ToString().ShouldBeEmpty();
    }
}
