using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using WiangHa.Platform.Infrastructure.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// The pass-through endpoints of the OpenID Connect server. Discovery, introspection and revocation are answered
/// by OpenIddict itself; these decide who the token is for.
/// </summary>
public static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/connect").ExcludeFromDescription();
        group.MapMethods("/authorize", ["GET", "POST"], (Delegate)AuthorizeAsync);
        group.MapPost("/token", (Delegate)ExchangeAsync);
        group.MapMethods("/userinfo", ["GET", "POST"], (Delegate)UserInfoAsync);
        group.MapMethods("/endsession", ["GET", "POST"], (Delegate)EndSessionAsync);
        return app;
    }

    /// <summary>
    /// Code flow: the person signs in with the UI cookie first; first-party clients need no consent screen.
    /// <c>prompt=none</c> never shows a page (<c>login_required</c> goes back to the client), and a sign-in older
    /// than <c>max_age</c> is asked again; the ID token says when it happened (<c>auth_time</c>).
    /// </summary>
    public static async Task<IResult> AuthorizeAsync(HttpContext context, TokenPrincipalFactory principals, TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var authenticatedAt = cookie.Succeeded ? SignInTime.Of(cookie.Properties) : null;
        var tooOld = request.MaxAge is { } maxAge && (authenticatedAt is null || clock.GetUtcNow() - authenticatedAt > TimeSpan.FromSeconds(maxAge));
        if (!cookie.Succeeded || request.HasPromptValue(PromptValues.Login) || tooOld)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "ต้องเข้าสู่ระบบก่อน (the user must sign in)");
            }

            // Back here after a fresh sign-in, which satisfies both prompt=login and max_age.
            var parameters = context.Request.HasFormContentType ? [.. context.Request.Form] : context.Request.Query.ToList();
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(
                parameters.Where(p => p.Key is not (Parameters.Prompt or Parameters.MaxAge)).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var principal = await principals.ForUserAsync(cookie.Principal.FindFirstValue(ClaimTypes.NameIdentifier), request.GetScopes(), authenticatedAt);
        return principal is null
            ? Forbid(Errors.AccessDenied, "บัญชีนี้ไม่สามารถเข้าใช้งานได้ (ถูกระงับหรือไม่มีหน่วยงานที่ใช้งานได้)")
            : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public static async Task<IResult> ExchangeAsync(HttpContext context, TokenPrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = await principals.ForClientAsync(request.ClientId!, request.GetScopes());
            return client is null
                ? Forbid(Errors.InvalidClient, "ไม่พบแอปพลิเคชันนี้")
                : Results.SignIn(client, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var previous = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var authenticatedAt = long.TryParse(previous.Principal?.GetClaim(Claims.AuthenticationTime), out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null;
            var principal = await principals.ForUserAsync(previous.Principal?.GetClaim(Claims.Subject), previous.Principal?.GetScopes() ?? [], authenticatedAt);
            return principal is null
                ? Forbid(Errors.InvalidGrant, "บัญชีนี้ไม่สามารถใช้งานได้แล้ว กรุณาเข้าสู่ระบบใหม่")
                : Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "ไม่รองรับวิธีขอโทเค็นนี้");
    }

    /// <summary>The person's profile, read from the database: access tokens carry no name or email.</summary>
    public static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<PlatformUser> users)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal!;
        var subject = principal.GetClaim(Claims.Subject);
        var user = subject is null ? null : await users.FindByIdAsync(subject);
        var claims = new Dictionary<string, object?> { [Claims.Subject] = subject };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user?.DisplayName ?? principal.GetClaim(Claims.Name);
            claims[Claims.PreferredUsername] = user?.UserName;
        }

        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user?.Email;
        }

        claims[MembershipClaims.ClaimType] = principal.GetClaims(MembershipClaims.ClaimType);
        return Results.Ok(claims);
    }

    public static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<PlatformUser> signIn, AccessRevocation access)
    {
        // Signing out ends every session and token of the person, so a plain link (an image, a forum post) must not do
        // it: only a client that names the signed-in user with its ID token (id_token_hint) signs out here; anyone
        // else is asked on the sign-out page, whose form carries an antiforgery token.
        var hint = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var signedIn = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (signedIn is not null && (hint is null || hint.GetClaim(Claims.Subject) != signedIn))
        {
            return Results.Redirect("/account/sign-out");
        }

        await SignOutEverywhere.EndAsync(context.User, signIn, access, context.RequestAborted);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
