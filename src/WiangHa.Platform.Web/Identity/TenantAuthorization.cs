using Microsoft.AspNetCore.Authorization;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Web.Identity;

/// <summary>Authorization policies of tenant pages and endpoints. Roles are per tenant, taken from membership claims.</summary>
public static class TenantPolicies
{
    public const string Read = "tenant:read";
    public const string Edit = "tenant:edit";
    public const string Admin = "tenant:admin";

    public static AuthorizationBuilder AddTenantPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Read, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(TenantRole.Viewer)))
        .AddPolicy(Edit, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(TenantRole.Editor)))
        .AddPolicy(Admin, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(TenantRole.Admin)));
}

public sealed record TenantRoleRequirement(TenantRole MinimumRole) : IAuthorizationRequirement;

/// <summary>Succeeds when the user's role in the resolved tenant is at least the required one.</summary>
public sealed class TenantRoleHandler(IMultiTenantContextAccessor tenantAccessor) : AuthorizationHandler<TenantRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRoleRequirement requirement)
    {
        var tenant = tenantAccessor.MultiTenantContext.TenantInfo;
        if (tenant is null)
        {
            return Task.CompletedTask;
        }

        if (context.User.RoleIn(tenant.Id) is { } role && role >= requirement.MinimumRole)
        {
            context.Succeed(requirement);
        }
        else if (requirement.MinimumRole == TenantRole.Viewer && context.User.Supervises(tenant.ProvinceCode))
        {
            // Supervisors read; every write policy asks for Editor or Admin, which they never have.
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
