using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WiangHa.Platform.Web.Identity;

/// <summary>Browser origins allowed beside those of the public clients' redirect URIs (<c>Security:Cors:Origins</c>).</summary>
public sealed class ApiCorsOptions
{
    public const string SectionName = "Security:Cors";

    public List<string> Origins { get; set; } = [];
}

/// <summary>
/// CORS for browser apps that call the API with a bearer token: only <c>/api/v1</c> and the token endpoint, only from
/// the origins of the registered public clients' redirect URIs (an SPA's own origin) and <c>Security:Cors:Origins</c>,
/// never with credentials (the UI cookie stays same-site). Any other origin gets no CORS headers, and so no answer its
/// script may read. The public clients' origins are re-read from OpenIddict's store at most once a minute.
/// </summary>
public sealed class ApiCorsPolicyProvider(IOptionsMonitor<ApiCorsOptions> options, IMemoryCache cache, IServiceScopeFactory scopes) : ICorsPolicyProvider
{
    private static readonly object CacheKey = new();

    public static readonly string[] ExposedHeaders = ["ETag", "Link", "Location", "RateLimit", "RateLimit-Policy", "Retry-After", "WWW-Authenticate"];

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api/v1") && !path.StartsWithSegments("/connect/token"))
        {
            return null;
        }

        var origins = await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return await PublicClientOriginsAsync(context.RequestAborted);
        }) ?? [];
        return new CorsPolicyBuilder()
            .WithOrigins([.. origins, .. options.CurrentValue.Origins.Select(o => o.TrimEnd('/'))])
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "Accept", "Accept-Language")
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build();
    }

    private async Task<string[]> PublicClientOriginsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await applications.GetClientTypeAsync(application, cancellationToken) != ClientTypes.Public)
            {
                continue;
            }

            foreach (var uri in await applications.GetRedirectUrisAsync(application, cancellationToken))
            {
                if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
                {
                    origins.Add(parsed.GetLeftPart(UriPartial.Authority));
                }
            }
        }

        return [.. origins];
    }
}

public static class ApiCors
{
    public static IServiceCollection AddApiCors(this IServiceCollection services)
    {
        services.AddOptions<ApiCorsOptions>().BindConfiguration(ApiCorsOptions.SectionName)
            .Validate(o => o.Origins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var u) && u.AbsolutePath == "/"), "Security:Cors:Origins are origins (https://host[:port]), without a path.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddCors();
        services.AddSingleton<ICorsPolicyProvider, ApiCorsPolicyProvider>();
        return services;
    }
}
