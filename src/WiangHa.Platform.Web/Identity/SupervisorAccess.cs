using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
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
}

/// <summary>Policies of the dashboards: pages (cookie) and the API (bearer with <c>dashboards:read</c>).</summary>
public static class DashboardPolicies
{
    public const string Read = "dashboards:read";
    public const string ApiRead = "api:dashboards:read";

    public static AuthorizationBuilder AddDashboardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsSupervisor()))
        .AddPolicy(ApiRead, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsSupervisor())
            .AddRequirements(new ScopeRequirement(PlatformScopes.DashboardsRead)));
}
