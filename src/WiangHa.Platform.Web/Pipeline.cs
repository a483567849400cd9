using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using WiangHa.Platform.Web.Tenancy;

namespace WiangHa.Platform.Web;

/// <summary>The middleware, in the order it runs.</summary>
public static class Pipeline
{
    public static WebApplication UsePlatformPipeline(this WebApplication app)
    {
        var isApi = (HttpContext c) => c.Request.Path.StartsWithSegments("/api");

        // Before anything reads the client's address or scheme: the ingress's X-Forwarded-* (trusted proxies only).
        app.UseForwardedHeaders();
        // First after that, so error pages and short-circuited answers carry the headers too.
        app.UseMiddleware<Common.SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only ever sent over HTTPS
        }

        // Pages get Thai error pages; the API gets a ProblemDetails for every error (written by AddProblemDetails).
        app.UseWhen(c => !isApi(c), branch => branch
            .UseExceptionHandler("/status/500")
            .UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseWhen(isApi, branch => branch
            .UseExceptionHandler()
            .UseStatusCodePages()
            .UseMiddleware<Identity.CookieApiCsrfGuard>());
        // Static assets come precompressed (or not) from MapStaticAssets; compressing them again here garbles them.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/lib") && !c.Request.Path.StartsWithSegments("/css"), branch => branch.UseResponseCompression());
        app.UseRateLimiter();
        app.UseRequestLocalization();
        app.MapStaticAssets();
        app.UseRouting();
        // Before authentication, which answers /connect/token: browser apps of registered origins only (ApiCors).
        app.UseCors();
        app.UseAuthentication();
        // After authentication, so an API call counts against its client or person rather than its IP address.
        app.UseMiddleware<Identity.ApiRateLimiter>();
        app.UseMiddleware<Identity.TwoFactorPolicy>();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPlatformHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
