using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// Who may open the dashboards, and what they see there. Operators and national supervisors see every province;
/// a provincial supervisor the provinces of their <c>wh:province</c> claims; anybody else nothing.
/// </summary>
public static class SupervisorAccess
{
    public static SupervisorScope DashboardScope(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.Operator) || user.IsInRole(PlatformRoles.NationalSupervisor)
            ? SupervisorScope.National
            : user.IsInRole(PlatformRoles.ProvincialSupervisor)
                ? SupervisorScope.ForProvinces(user.FindAll(MembershipClaims.ProvinceClaimType).Select(c => c.Value))
                : SupervisorScope.Nobody;

    public static bool IsSupervisor(this ClaimsPrincipal user) => !user.DashboardScope().IsEmpty;

    /// <summary>
    /// The LAOs the caller may read, as tenant routes decide it (<see cref="MembershipClaims.CanRead"/>): national
    /// supervisors every LAO, provincial supervisors their provinces' LAOs, members their own LAOs. Operators read no LAO data.
    /// </summary>
    public static LaoReach LaoReach(this ClaimsPrincipal user)
    {
        var scope = user.IsInRole(PlatformRoles.NationalSupervisor)
            ? SupervisorScope.National
            : user.IsInRole(PlatformRoles.ProvincialSupervisor)
                ? SupervisorScope.ForProvinces(user.FindAll(MembershipClaims.ProvinceClaimType).Select(c => c.Value))
                : SupervisorScope.Nobody;
        var memberships = user.FindAll(MembershipClaims.ClaimType)
            .Select(c => c.Value.Split(':')[0])
            .Select(id => Guid.TryParseExact(id, "N", out var guid) ? guid : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToHashSet();
        return new LaoReach(scope, memberships);
    }
}

/// <summary>
/// Policies of the dashboards: pages (cookie) and the API (bearer with <c>dashboards:read</c>), and of the provincial
/// system's API: the directory of LAOs (<c>dashboards:read</c> or <c>reports:read</c>), one LAO's dashboard row
/// (<c>dashboards:read</c>) and its documents (<c>reports:read</c>), each for readers of that LAO only.
/// </summary>
public static class DashboardPolicies
{
    public const string Read = "dashboards:read";
    public const string ApiRead = "api:dashboards:read";
    public const string LaoDirectory = "api:laos:read";
    public const string LaoDashboard = "api:lao-dashboard:read";
    public const string LaoReports = "api:reports:read";

    public static AuthorizationBuilder AddDashboardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsSupervisor()))
        .AddPolicy(ApiRead, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsSupervisor())
            .AddRequirements(new ScopeRequirement(PlatformScopes.DashboardsRead)))
        .AddPolicy(LaoDirectory, p => p.RequireAuthenticatedUser()
            .AddRequirements(new ScopeRequirement(PlatformScopes.DashboardsRead, PlatformScopes.ReportsRead)))
        .AddPolicy(LaoDashboard, p => p.RequireAuthenticatedUser()
            .AddRequirements(new TenantRoleRequirement(Domain.Organisations.TenantRole.Viewer), new ScopeRequirement(PlatformScopes.DashboardsRead)))
        .AddPolicy(LaoReports, p => p.RequireAuthenticatedUser()
            .AddRequirements(new TenantRoleRequirement(Domain.Organisations.TenantRole.Viewer), new ScopeRequirement(PlatformScopes.ReportsRead)));
}
