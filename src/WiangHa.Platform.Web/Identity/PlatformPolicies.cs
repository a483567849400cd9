using Microsoft.AspNetCore.Authorization;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Web.Identity;

public static class PlatformPolicies
{
    public const string Operator = "platform:operator";

    public static AuthorizationBuilder AddPlatformPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Operator, p => p.RequireAuthenticatedUser().RequireRole(PlatformRoles.Operator));
}
