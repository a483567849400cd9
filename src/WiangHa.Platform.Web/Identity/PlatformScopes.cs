using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;

namespace WiangHa.Platform.Web.Identity;

/// <summary>OAuth scopes of the API. A bearer token reaches an endpoint only with its scope; cookies carry every scope.</summary>
public static class PlatformScopes
{
    public const string MeasuresRead = "measures:read";
    public const string MeasuresWrite = "measures:write";
    public const string DashboardsRead = "dashboards:read";
    public const string ReportsRead = "reports:read";

    public static readonly IReadOnlyList<string> Api = [MeasuresRead, MeasuresWrite, DashboardsRead, ReportsRead];

    /// <summary>Claim put on every token principal, so handlers can tell a bearer token from the UI cookie.</summary>
    public const string ViaClaim = "wh:via";
    public const string ViaToken = "token";

    public static bool IsBearer(this ClaimsPrincipal user) => user.HasClaim(ViaClaim, ViaToken);
}

public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>Bearer principals need the scope in their token; cookie principals (people in the UI) pass.</summary>
public sealed class ScopeHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && (!context.User.IsBearer() || context.User.HasScope(requirement.Scope)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Policies of the API: tenant role and scope together.</summary>
public static class ApiPolicies
{
    public const string MeasuresRead = "api:measures:read";
    public const string MeasuresWrite = "api:measures:write";
    public const string OrgUnitsWrite = "api:org-units:write";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(MeasuresRead, p => p.RequireAuthenticatedUser()
            .AddRequirements(new TenantRoleRequirement(Domain.Organisations.TenantRole.Viewer), new ScopeRequirement(PlatformScopes.MeasuresRead)))
        .AddPolicy(MeasuresWrite, p => p.RequireAuthenticatedUser()
            .AddRequirements(new TenantRoleRequirement(Domain.Organisations.TenantRole.Editor), new ScopeRequirement(PlatformScopes.MeasuresWrite)))
        .AddPolicy(OrgUnitsWrite, p => p.RequireAuthenticatedUser()
            .AddRequirements(new TenantRoleRequirement(Domain.Organisations.TenantRole.Admin), new ScopeRequirement(PlatformScopes.MeasuresWrite)));
}
