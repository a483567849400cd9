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

/// <summary>A bearer token needs <see cref="Scope"/> — or, where listed, any one of <see cref="Alternatives"/>.</summary>
public sealed record ScopeRequirement(string Scope, params string[] Alternatives) : IAuthorizationRequirement
{
    /// <summary>Each scope that satisfies the requirement on its own.</summary>
    public IEnumerable<string> AnyOf => [Scope, .. Alternatives];
}

/// <summary>Bearer principals need one of the scopes in their token; cookie principals (people in the UI) pass.</summary>
public sealed class ScopeHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && (!context.User.IsBearer() || requirement.AnyOf.Any(context.User.HasScope)))
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
