using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// Operators and supervisors must use TOTP: until they enrol, every page sends them to the enrolment page and the
/// API refuses them. LAO staff may choose it.
/// </summary>
public sealed class TwoFactorPolicy(RequestDelegate next)
{
    public const string ClaimType = "wh:2fa";

    public static readonly HashSet<string> RolesThatRequireIt = [.. PlatformRoles.All];

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var path = context.Request.Path;
        var needsEnrolment = user.Identity?.IsAuthenticated == true
            && !user.IsBearer()
            && RolesThatRequireIt.Any(user.IsInRole)
            && !user.HasClaim(ClaimType, "true");
        if (needsEnrolment && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/status"))
        {
            if (path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.Redirect("/account/security?required=1");
            return;
        }

        await next(context);
    }
}
