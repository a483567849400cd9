using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Organisations;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// Builds the principal inside access, refresh and identity tokens: for a person, from the database at every
/// issue and refresh (so a changed membership or role is picked up); for a machine client, from its registration.
/// </summary>
public sealed class TokenPrincipalFactory(
    UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, CrossTenantMemberships memberships, IOpenIddictApplicationManager applications)
{
    /// <summary>Application properties that give a machine client its access (JSON string arrays).</summary>
    public const string MembershipsProperty = "wh:memberships";
    public const string RolesProperty = "wh:roles";
    public const string ProvincesProperty = "wh:provinces";

    /// <summary>
    /// The person's principal, or null when they may no longer sign in (locked, deleted, all LAOs suspended).
    /// <paramref name="authenticatedAt"/> is when they last signed in (the ID token's <c>auth_time</c>).
    /// </summary>
    public async Task<ClaimsPrincipal?> ForUserAsync(string? userId, ImmutableArray<string> scopes, DateTimeOffset? authenticatedAt = null)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        var cookiePrincipal = await signIn.CreateUserPrincipalAsync(user);
        var roles = await users.GetRolesAsync(user);
        var active = await memberships.ActiveForUserAsync(user.Id);
        if (roles.Count == 0 && (active.Count == 0 || CrossTenantMemberships.OnlySuspended(active)))
        {
            return null;
        }

        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.PreferredUsername, user.UserName);
        if (authenticatedAt is { } at)
        {
            identity.SetClaim(Claims.AuthenticationTime, at.ToUnixTimeSeconds());
        }

        SetArray(identity, Claims.Role, [.. roles]);
        SetArray(identity, MembershipClaims.ClaimType, [.. active.Select(m => MembershipClaims.Format(m.OrganisationId, m.Role))]);
        SetArray(identity, MembershipClaims.ProvinceClaimType, [.. cookiePrincipal.FindAll(MembershipClaims.ProvinceClaimType).Select(c => c.Value)]);
        return Finish(identity, scopes, person: true);
    }

    public async Task<ClaimsPrincipal?> ForClientAsync(string clientId, ImmutableArray<string> scopes)
    {
        var application = await applications.FindByClientIdAsync(clientId);
        if (application is null)
        {
            return null;
        }

        var properties = await applications.GetPropertiesAsync(application);
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application) ?? clientId);
        SetArray(identity, Claims.Role, Strings(properties, RolesProperty));
        SetArray(identity, MembershipClaims.ClaimType, Strings(properties, MembershipsProperty));
        SetArray(identity, MembershipClaims.ProvinceClaimType, Strings(properties, ProvincesProperty));
        return Finish(identity, scopes, person: false);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    /// <summary>
    /// Access tokens are for the API (audience <see cref="OpenIdConnectServer.ApiAudience"/>) and carry no personal
    /// data: a person's name, username and email go only to the ID token and userinfo, with their scopes.
    /// </summary>
    private static ClaimsPrincipal Finish(ClaimsIdentity identity, ImmutableArray<string> scopes, bool person)
    {
        identity.SetClaim(PlatformScopes.ViaClaim, PlatformScopes.ViaToken);
        identity.SetScopes(scopes);
        identity.SetResources(OpenIdConnectServer.ApiAudience);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name when !person => [Destinations.AccessToken],
            Claims.Name or Claims.PreferredUsername when identity.HasScope(Scopes.Profile) => [Destinations.IdentityToken],
            Claims.Email when identity.HasScope(Scopes.Email) => [Destinations.IdentityToken],
            Claims.Name or Claims.PreferredUsername or Claims.Email => [],
            Claims.AuthenticationTime => [Destinations.IdentityToken],
            Claims.Role when identity.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
            "AspNet.Identity.SecurityStamp" => [],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    /// <summary>One JSON type per claim: a list claim is always a JSON array in tokens, even with one value (absent when empty).</summary>
    private static void SetArray(ClaimsIdentity identity, string type, IReadOnlyCollection<string> values)
    {
        identity.RemoveClaims(type);
        if (values.Count > 0)
        {
            identity.AddClaim(new Claim(type, JsonSerializer.Serialize(values), JsonClaimValueTypes.JsonArray));
        }
    }

    private static ImmutableArray<string> Strings(ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString()).OfType<string>()]
            : [];
}
