using Microsoft.AspNetCore.Localization;

namespace WiangHa.Platform.Web.Common;

/// <summary>
/// <c>GET /language?to=en&amp;returnUrl=…</c>: the language switch in the header. The choice is kept for a year in
/// the culture cookie, so English stays chosen on every later page and visit, and the reader returns to the same page
/// with its query string (only a local path: never an open redirect).
/// </summary>
public static class LanguageEndpoints
{
    public const string Path = "/language";

    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, SwitchLanguage).WithName("SwitchLanguage").ExcludeFromDescription();
        return app;
    }

    /// <summary>The header's link for the other language, back to <paramref name="request"/>'s page.</summary>
    public static string LinkFrom(HttpRequest request) =>
        $"{Path}?to={(Ui.IsEnglish ? "th" : "en")}&returnUrl={Uri.EscapeDataString(request.Path + request.QueryString)}";

    public static IResult SwitchLanguage(string? to, string? returnUrl, HttpContext context, TimeProvider clock)
    {
        var culture = to == "en" ? "en-US" : "th-TH";
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps, Path = "/",
            });
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>A path on this site: starts with one slash, not "//" or "/\" (which browsers treat as another host).</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
