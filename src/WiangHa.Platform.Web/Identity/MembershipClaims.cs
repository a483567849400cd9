using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// Memberships travel as claims (<c>wh:membership</c> = "{organisationId:N}:{role}"), so cookies (and, later, tokens)
/// say which tenants a user may select. They are refreshed with the security stamp.
/// </summary>
public static class MembershipClaims
{
    public const string ClaimType = "wh:membership";
    public const string DisplayNameClaimType = "wh:display_name";

    public static string Format(Guid organisationId, TenantRole role) =>
        $"{organisationId:N}:{role.ToString().ToLowerInvariant()}";

    /// <summary>The user's role in the tenant, or null when they are not a member.</summary>
    public static TenantRole? RoleIn(this ClaimsPrincipal user, Guid organisationId)
    {
        var prefix = organisationId.ToString("N", CultureInfo.InvariantCulture) + ":";
        foreach (var claim in user.FindAll(ClaimType))
        {
            if (claim.Value.StartsWith(prefix, StringComparison.Ordinal)
                && Enum.TryParse<TenantRole>(claim.Value[prefix.Length..], ignoreCase: true, out var role))
            {
                return role;
            }
        }

        return null;
    }

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaimType) ?? user.Identity?.Name ?? "";
}

/// <summary>Adds membership and display-name claims when Identity builds the sign-in principal.</summary>
public sealed class PlatformClaimsPrincipalFactory(
    UserManager<PlatformUser> userManager, IOptions<IdentityOptions> options, PlatformDbContext db)
    : UserClaimsPrincipalFactory<PlatformUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MembershipClaims.DisplayNameClaimType, user.DisplayName));
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == user.Id).ToListAsync();
        foreach (var membership in memberships)
        {
            identity.AddClaim(new Claim(MembershipClaims.ClaimType, MembershipClaims.Format(membership.OrganisationId, membership.Role)));
        }

        // Platform roles (operator, supervisors) as role claims: UserClaimsPrincipalFactory<TUser> adds none itself,
        // so the operator policy (RequireRole) could never succeed without these.
        if (UserManager.SupportsUserRole)
        {
            foreach (var role in await UserManager.GetRolesAsync(user))
            {
                identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, role));
            }
        }

        return identity;
    }
}
