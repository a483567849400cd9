using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>The person's principal, or null when they may no longer sign in (locked, deleted, all LAOs suspended).</summary>
    public async Task<ClaimsPrincipal?> ForUserAsync(string? userId, ImmutableArray<string> scopes)
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
        identity.SetClaims(Claims.Role, [.. roles]);
        identity.SetClaims(MembershipClaims.ClaimType, [.. active.Select(m => MembershipClaims.Format(m.OrganisationId, m.Role))]);
        identity.SetClaims(MembershipClaims.ProvinceClaimType, [.. cookiePrincipal.FindAll(MembershipClaims.ProvinceClaimType).Select(c => c.Value)]);
        return Finish(identity, scopes);
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
        identity.SetClaims(Claims.Role, Strings(properties, RolesProperty));
        identity.SetClaims(MembershipClaims.ClaimType, Strings(properties, MembershipsProperty));
        identity.SetClaims(MembershipClaims.ProvinceClaimType, Strings(properties, ProvincesProperty));
        return Finish(identity, scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, ImmutableArray<string> scopes)
    {
        identity.SetClaim(PlatformScopes.ViaClaim, PlatformScopes.ViaToken);
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.PreferredUsername when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Email when identity.HasScope(Scopes.Email) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Role when identity.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
            "AspNet.Identity.SecurityStamp" => [],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    private static ImmutableArray<string> Strings(ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString()).OfType<string>()]
            : [];
}
