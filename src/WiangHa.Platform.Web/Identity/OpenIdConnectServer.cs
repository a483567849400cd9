using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using WiangHa.Platform.Infrastructure.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// Settings of the platform's OpenID Connect issuer (<c>Identity:Oidc:*</c>). Signing and encryption certificates
/// come from files shared by every replica; development keys are allowed only in the embedded default, never in Production.
/// </summary>
public sealed class OidcOptions
{
    public const string SectionName = "Identity:Oidc";

    /// <summary>Fixed issuer URL for deployments behind a load balancer; by default the request's own URL.</summary>
    public Uri? Issuer { get; set; }

    public bool RequireHttps { get; set; } = true;
    public string? SigningCertificatePath { get; set; }
    public string? SigningCertificatePassword { get; set; }
    public string? EncryptionCertificatePath { get; set; }
    public string? EncryptionCertificatePassword { get; set; }
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a redeemed refresh token may still be used (two requests of one client racing). After it, using it
    /// again revokes the whole grant: it was stolen or replayed.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(3);
}

public static class OpenIdConnectServer
{
    public const string AuthenticationScheme = "WiangHa";

    /// <summary>The audience of every access token: the platform's API, which accepts no token without it.</summary>
    public const string ApiAudience = "wiangha-api";

    public static readonly string[] Endpoints =
        ["/connect/authorize", "/connect/token", "/connect/introspect", "/connect/revoke", "/connect/userinfo", "/connect/endsession"];

    public static IServiceCollection AddPlatformOpenIdConnect(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, IHostEnvironment environment)
    {
        // Read once here because it shapes the OpenIddict server being registered; bound as well for IOptions.
        var options = configuration.GetSection(OidcOptions.SectionName).Get<OidcOptions>() ?? new OidcOptions();
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.SectionName).ValidateOnStart();
        if (database.IsEmbeddedDefault)
        {
            options.RequireHttps = false;
        }

        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetIntrospectionEndpointUris("connect/introspect")
                    .SetRevocationEndpointUris("connect/revoke")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetEndSessionEndpointUris("connect/endsession");
                if (options.Issuer is not null)
                {
                    server.SetIssuer(options.Issuer);
                }

                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                // PKCE with S256 only: "plain" protects nothing when the authorization request leaks.
                server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway);
                server.AddEventHandler(RevokeGrantWithRefreshToken.Descriptor);
                server.AddEventHandler(ReturnAuthorizationErrorsToClient.Descriptor);
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, .. PlatformScopes.Api]);
                server.RegisterClaims([
                    Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Email, Claims.Role, Claims.AuthenticationTime,
                    MembershipClaims.ClaimType, MembershipClaims.ProvinceClaimType]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime).SetRefreshTokenLifetime(options.RefreshTokenLifetime);
                // Access tokens are signed, not encrypted: they hold no secret (ids, roles, scopes), and skipping an RSA
                // decryption on every API call is most of the API's cost (docs/benchmarks.md). Refresh tokens stay encrypted.
                server.DisableAccessTokenEncryption();
                AddKeys(server, options, database, environment);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!options.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.AddAudiences(ApiAudience);
                // Revoked tokens and deactivated users stop working at once, not when the token expires.
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
                // The same checks with one narrow primary-key read instead of three wide ones (TokenEntryCheck).
                foreach (var replaced in TokenEntryCheck.Replaced)
                {
                    validation.RemoveEventHandler(replaced);
                }

                validation.AddEventHandler(TokenEntryCheck.Descriptor);
            });

        // One default scheme: the API takes a bearer token when the request carries one; pages (and everything else)
        // take only the UI cookie, so a token never acts in the UI beyond its scopes.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthenticationScheme;
                o.DefaultAuthenticateScheme = AuthenticationScheme;
                o.DefaultChallengeScheme = AuthenticationScheme;
                o.DefaultForbidScheme = AuthenticationScheme;
            })
            .AddPolicyScheme(AuthenticationScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api")
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme);
        services.AddScoped<TokenPrincipalFactory>();
        services.AddSignInTime();
        return services;
    }

    private static void AddKeys(OpenIddictServerBuilder server, OidcOptions options, DatabaseOptions database, IHostEnvironment environment)
    {
        if (options.SigningCertificatePath is not null && options.EncryptionCertificatePath is not null)
        {
            server.AddSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(options.SigningCertificatePath, options.SigningCertificatePassword));
            server.AddEncryptionCertificate(X509CertificateLoader.LoadPkcs12FromFile(options.EncryptionCertificatePath, options.EncryptionCertificatePassword));
            return;
        }

        // Replicas must sign and decrypt with the same keys, and Production never runs on keys made up at start-up.
        if (!database.IsEmbeddedDefault || environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Identity:Oidc:SigningCertificatePath and Identity:Oidc:EncryptionCertificatePath must name PKCS#12 files shared by every replica. " +
                "Development keys are only used by the embedded SQLite default outside Production.");
        }

        server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
    }
}
