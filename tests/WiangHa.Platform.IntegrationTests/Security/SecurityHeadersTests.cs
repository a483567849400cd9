using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Security;

/// <summary>
/// Every GET page and API route the app maps (read from its endpoint list, so new ones are covered), called by an LAO
/// admin, and the static files and error pages: each answer carries the policy headers, and nothing but static files
/// and the public report pages may be cached.
/// </summary>
public sealed class SecurityHeadersTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Every_page_api_answer_static_file_and_error_carries_the_security_headers()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var paths = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => !p.Contains('{', StringComparison.Ordinal) || p.Replace("{tenant}", "", StringComparison.Ordinal).IndexOf('{', StringComparison.Ordinal) < 0)
            .Select(p => p.Replace("{tenant}", tenant.Slug, StringComparison.Ordinal))
            .Distinct().ToList();
        paths.Count.ShouldBeGreaterThan(40);
        paths.AddRange(["/lib/htmx/htmx.min.js", "/js/site.js", "/no-such-page", $"/api/v1/t/{tenant.Slug}/no-such-route"]);

        var failures = new List<string>();
        foreach (var path in paths)
        {
            using var response = await admin.Http.GetAsync(path);
            var headers = response.Headers;
            string Header(string name) =>
                headers.TryGetValues(name, out var v) ? string.Join(",", v) : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : "";
            if (!path.StartsWith("/connect", StringComparison.Ordinal) && !Header("Content-Security-Policy").Contains("script-src 'self';", StringComparison.Ordinal))
            {
                failures.Add($"{path}: CSP '{Header("Content-Security-Policy")}'");
            }

            if (!path.StartsWith("/connect", StringComparison.Ordinal) && !Header("Content-Security-Policy").Contains("frame-ancestors 'none'", StringComparison.Ordinal))
            {
                failures.Add($"{path}: no frame-ancestors");
            }

            if (Header("X-Content-Type-Options") != "nosniff" || Header("Referrer-Policy") != "strict-origin-when-cross-origin")
            {
                failures.Add($"{path}: nosniff '{Header("X-Content-Type-Options")}', referrer '{Header("Referrer-Policy")}'");
            }

            var cacheable = path.StartsWith("/lib/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal) || path.StartsWith("/css/", StringComparison.Ordinal)
                || path.StartsWith("/favicon", StringComparison.Ordinal) || path.StartsWith("/p/", StringComparison.Ordinal) || path.StartsWith("/health", StringComparison.Ordinal);
            if (!cacheable && !(headers.CacheControl?.NoStore ?? false))
            {
                failures.Add($"{path} ({(int)response.StatusCode}): Cache-Control '{headers.CacheControl}'");
            }
        }

        failures.ShouldBeEmpty();
    }
}
