namespace WiangHa.Platform.Web.Common;

/// <summary>
/// The headers browsers expect on every response: a Content-Security-Policy that allows scripts only from the
/// platform's own files (behaviours are data- attributes handled by <c>js/site.js</c>, never inline script), no framing,
/// no MIME sniffing, a referrer that never carries a path to another site, and no caching of anything but the public
/// pages and static files. HSTS is added by <c>UseHsts</c> on HTTPS outside Development.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // Styles stay 'unsafe-inline': pages use style attributes and htmx adds its indicator style; scripts never do.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!context.Request.Path.StartsWithSegments("/connect"))
            {
                // The OpenID Connect endpoints answer form_post clients with OpenIddict's own auto-submitting page.
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (!IsCacheable(context.Request.Path) && string.IsNullOrEmpty(headers.CacheControl))
            {
                // Pages, downloads and API answers carry an LAO's data or a person's: no shared or browser cache keeps them.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>Static files (fingerprinted by MapStaticAssets) and the public report pages, which are meant to be shared.</summary>
    private static bool IsCacheable(PathString path) =>
        path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/p")
        || path.StartsWithSegments("/health");
}
