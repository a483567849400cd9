using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.IntegrationTests.Common;

/// <summary>
/// The API's one concurrency rule (<see cref="ConditionalRequests"/>), as a matrix over the app's own endpoint list, so a
/// new route is covered without anyone remembering: every API route carries the rule; every PUT and DELETE answers 428
/// without a precondition, 400 for a malformed one, 412 for a stale tag, and honours <c>*</c>; every read sends an ETag
/// and answers 304 to <c>If-None-Match</c>; refused writes change nothing.
/// </summary>
public sealed class ConcurrencyRuleTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static List<(string Method, string Pattern, RouteEndpoint Endpoint)> ApiRoutes(PlatformFactory factory) =>
        factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!, Endpoint: e)))
            .ToList();

    [Fact]
    public void Every_api_route_follows_the_rule()
    {
        var routes = ApiRoutes(factory);
        routes.Count.ShouldBeGreaterThan(15);
        routes.Where(r => r.Endpoint.Metadata.GetMetadata<ConditionalRequestsMetadata>() is null).Select(r => $"{r.Method} {r.Pattern}").ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_write_needs_a_current_precondition_and_a_refused_one_changes_nothing()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var rows = await RowsAsync(tenant);
        var writes = ApiRoutes(factory).Where(r => r.Method is "PUT" or "DELETE").ToList();
        // A new write route joins this matrix: give it a row in RowsAsync and a body in Target.
        writes.Select(w => $"{w.Method} {w.Pattern}").Order(StringComparer.Ordinal).ToList().ShouldBe(
        [
            "DELETE /api/v1/t/{tenant}/compliance/disclosures/{id:guid}", "DELETE /api/v1/t/{tenant}/measures/{id:guid}",
            "DELETE /api/v1/t/{tenant}/org-units/{id:guid}", "PUT /api/v1/t/{tenant}/compliance/disclosures",
            "PUT /api/v1/t/{tenant}/compliance/disclosures/{id:guid}", "PUT /api/v1/t/{tenant}/measures/{id:guid}",
            "PUT /api/v1/t/{tenant}/org-units/{id:guid}",
        ]);

        var failures = new StringBuilder();
        foreach (var (method, pattern, _) in writes)
        {
            var (url, readUrl, body) = Target(pattern, tenant, rows);
            var before = await admin.Http.GetStringAsync(readUrl);
            foreach (var (header, value, expected) in new (string?, string?, HttpStatusCode)[]
                     {
                         (null, null, HttpStatusCode.PreconditionRequired),
                         ("If-Match", $"\"{Guid.NewGuid():N}\"", HttpStatusCode.PreconditionFailed),
                         ("If-Match", $"W/\"{Guid.NewGuid():N}\"", HttpStatusCode.PreconditionFailed),
                         // Tags that are not ours are refused by name, never taken as "no check" (issue 11). (Values that are not
                         // entity tags at all, like `garbage`, never leave .NET's HttpClient; ETagsTests covers them.)
                         ("If-Match", "\"abc\"", HttpStatusCode.BadRequest), ("If-Match", "W/\"abc\"", HttpStatusCode.BadRequest), ("If-Match", "\"\"", HttpStatusCode.BadRequest),
                         // The row exists: "create only" is stale, and a DELETE cannot be "create only" at all.
                         ("If-None-Match", "*", method == "PUT" ? HttpStatusCode.PreconditionFailed : HttpStatusCode.BadRequest),
                     })
            {
                var response = await admin.Http.SendAsync(Request(method, url, body, header, value));
                var problem = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != expected || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || (expected == HttpStatusCode.BadRequest && !problem.Contains(header!, StringComparison.Ordinal)))
                {
                    failures.AppendLine($"{method} {pattern} with {header ?? "no precondition"} {value}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {problem}");
                }
            }

            if (await admin.Http.GetStringAsync(readUrl) != before)
            {
                failures.AppendLine($"{method} {pattern}: a refused write changed the row");
            }

            // The tag a read returned is honoured, and so is *.
            var current = (await admin.Http.GetAsync(readUrl)).Headers.ETag!.Tag;
            foreach (var tag in method == "PUT" ? new[] { current, "*" } : ["*"])
            {
                var response = await admin.Http.SendAsync(Request(method, url, body, "If-Match", tag));
                if (!response.IsSuccessStatusCode)
                {
                    failures.AppendLine($"{method} {pattern} with If-Match {tag}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        failures.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_put_that_creates_says_so_and_a_second_create_is_stale()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var url = $"/api/v1/t/{tenant.Slug}/compliance/disclosures";
        var sheet = new { assessmentYear = 2567, itemCode = "O2", answer = "Yes", urls = new[] { "https://lao.example/executives" } };

        (await editor.SendJsonAsync(HttpMethod.Put, url, sheet, ifMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, "If-Match: * needs a row");
        var created = await editor.SendJsonAsync(HttpMethod.Put, url, sheet, ifNoneMatch: "*");
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        created.Headers.ETag.ShouldNotBeNull();
        (await editor.SendJsonAsync(HttpMethod.Put, url, sheet with { answer = "No" }, ifNoneMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await editor.SendJsonAsync(HttpMethod.Put, url, sheet, ifMatch: created.Headers.ETag!.Tag)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_read_sends_an_etag_and_answers_not_modified_to_it()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var rows = await RowsAsync(tenant);
        var reads = ApiRoutes(factory).Where(r => r.Method == "GET" && r.Pattern.Contains("{tenant}", StringComparison.Ordinal)).ToList();
        reads.Count.ShouldBeGreaterThanOrEqualTo(8);

        var failures = new StringBuilder();
        foreach (var (_, pattern, _) in reads)
        {
            var (url, _, _) = Target(pattern, tenant, rows);
            url += url.EndsWith("/compliance/disclosures", StringComparison.Ordinal) ? "?year=2566" : "";
            var first = await admin.Http.GetAsync(url);
            if (first.StatusCode == HttpStatusCode.NotFound)
            {
                continue; // a run that does not exist yet; its ETag is covered by the rows that do
            }

            var tag = first.Headers.ETag?.ToString();
            if (first.StatusCode != HttpStatusCode.OK || tag is null)
            {
                failures.AppendLine($"GET {pattern}: {(int)first.StatusCode}, ETag {tag ?? "(none)"}");
                continue;
            }

            var again = await admin.Http.SendAsync(Request("GET", url, null, "If-None-Match", tag));
            var changed = await admin.Http.SendAsync(Request("GET", url, null, "If-None-Match", "\"0123456789abcdef0123456789abcdef\""));
            if (again.StatusCode != HttpStatusCode.NotModified || again.Headers.ETag?.ToString() != tag || changed.StatusCode != HttpStatusCode.OK)
            {
                failures.AppendLine($"GET {pattern}: If-None-Match with its tag {(int)again.StatusCode}, with another {(int)changed.StatusCode}");
            }
        }

        failures.ToString().ShouldBeEmpty();
    }

    private async Task<Dictionary<string, string>> RowsAsync(TestTenant tenant) => new()
    {
        ["/measures/"] = (await factory.Data.CreateMeasureAsync(tenant)).ToString(),
        ["/org-units/"] = tenant.UnitIds[3].ToString(), // named by no measure: a delete would be allowed
        ["/disclosures/"] = (await factory.Data.CreateDisclosureAsync(tenant, 2566, "O1", "https://lao.example/structure")).ToString(),
        ["/runs/"] = Guid.NewGuid().ToString(),
    };

    /// <summary>The URL to call, the URL that reads the row it changes, and a body that the row accepts.</summary>
    private static (string Url, string ReadUrl, string? Body) Target(string pattern, TestTenant tenant, Dictionary<string, string> rows)
    {
        var url = pattern.Replace("{tenant}", tenant.Slug, StringComparison.Ordinal).Replace("{year:int}", "2566", StringComparison.Ordinal);
        if (pattern.Contains("{id:guid}", StringComparison.Ordinal))
        {
            url = url.Replace("{id:guid}", rows.Single(i => pattern.Contains(i.Key, StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        }

        // The upsert's row is the one of the body's year and item: the disclosure made above. The list needs its year.
        var isUpsert = url.EndsWith("/compliance/disclosures", StringComparison.Ordinal);
        var readUrl = isUpsert ? $"{url}/{rows["/disclosures/"]}" : url;
        var body = pattern.Contains("/measures/", StringComparison.Ordinal)
            ? System.Text.Json.JsonSerializer.Serialize(MeasureInputs.Valid("แก้ด้วย If-Match"), BrowserlessClient.Json)
            : pattern.Contains("/org-units/", StringComparison.Ordinal)
                ? """{"name":"กองทดสอบเงื่อนไข","sortOrder":40,"isActive":true}"""
                : """{"assessmentYear":2566,"itemCode":"O1","answer":"Yes","urls":["https://lao.example/structure-2"]}""";
        return (url, readUrl, body);
    }

    private static HttpRequestMessage Request(string method, string url, string? body, string? header, string? value)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null && method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        return request;
    }
}
