using Microsoft.AspNetCore.Authentication.Cookies;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// The sign-in cookies (the session, the two-factor step, "remember this device") carry the <c>__Host-</c> prefix
/// whenever the request came over HTTPS: the browser then accepts them only as Secure, for path <c>/</c> and without a
/// Domain, so a sibling site (another LAO's subdomain, a campaign page) can neither set nor overwrite our session.
/// Over plain HTTP (<c>dotnet run</c> on localhost, the tests' in-memory server) the prefix is impossible and the
/// names stay bare. Behind the ingress the request is HTTPS through the forwarded headers.
/// The antiforgery cookie keeps its name: its token is bound to the signed-in user, whose cookie is prefixed.
/// </summary>
public sealed class HostPrefixCookieManager : ICookieManager
{
    public const string Prefix = "__Host-";

    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, NameFor(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, NameFor(context, key), value, Prefixable(context, options));

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, NameFor(context, key), Prefixable(context, options));

    private static string NameFor(HttpContext context, string key) => context.Request.IsHttps ? Prefix + key : key;

    /// <summary>What the browser demands of a <c>__Host-</c> cookie.</summary>
    private static CookieOptions Prefixable(HttpContext context, CookieOptions options)
    {
        if (context.Request.IsHttps)
        {
            options.Secure = true;
            options.Path = "/";
            options.Domain = null;
        }

        return options;
    }
}

public static class HostPrefixCookies
{
    /// <summary>Every cookie authentication scheme (Identity registers four) stores its cookie through the manager.</summary>
    public static IServiceCollection AddHostPrefixCookies(this IServiceCollection services) =>
        services.ConfigureAll<CookieAuthenticationOptions>(options => options.CookieManager = new HostPrefixCookieManager());
}
