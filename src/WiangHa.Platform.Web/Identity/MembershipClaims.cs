using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// Memberships travel as claims (<c>wh:membership</c> = "{organisationId:N}:{role}"), so cookies (and, later, tokens)
/// say which tenants a user may select. They are refreshed with the security stamp.
/// </summary>
public static class MembershipClaims
{
    public const string ClaimType = "wh:membership";
    public const string DisplayNameClaimType = "wh:display_name";

    /// <summary>A province a provincial supervisor reads (DOPA code, e.g. "57").</summary>
    public const string ProvinceClaimType = "wh:province";

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

    /// <summary>National supervisors read every LAO; provincial supervisors the LAOs of their provinces.</summary>
    public static bool Supervises(this ClaimsPrincipal user, string provinceCode) =>
        user.IsInRole(PlatformRoles.NationalSupervisor)
        || (user.IsInRole(PlatformRoles.ProvincialSupervisor) && user.HasClaim(ProvinceClaimType, provinceCode));

    /// <summary>A member (any role) or a supervisor of the tenant's province may read it.</summary>
    public static bool CanRead(this ClaimsPrincipal user, TenantInfo tenant) =>
        user.RoleIn(tenant.Id) is not null || user.Supervises(tenant.ProvinceCode);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaimType) ?? user.Identity?.Name ?? "";
}

/// <summary>Adds membership and display-name claims when Identity builds the sign-in principal.</summary>
public sealed class PlatformClaimsPrincipalFactory(
    UserManager<PlatformUser> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options, PlatformDbContext db,
    CrossTenantMemberships memberships)
    : UserClaimsPrincipalFactory<PlatformUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MembershipClaims.DisplayNameClaimType, user.DisplayName));
        identity.AddClaim(new Claim(TwoFactorPolicy.ClaimType, user.TwoFactorEnabled ? "true" : "false"));
        foreach (var membership in await memberships.ActiveForUserAsync(user.Id))
        {
            identity.AddClaim(new Claim(MembershipClaims.ClaimType, MembershipClaims.Format(membership.OrganisationId, membership.Role)));
        }

        var provinces = await db.SupervisorAssignments.AsNoTracking().Where(a => a.UserId == user.Id).Select(a => a.ProvinceCode).ToListAsync();
        foreach (var province in provinces)
        {
            identity.AddClaim(new Claim(MembershipClaims.ProvinceClaimType, province));
        }

        return identity;
    }
}
