using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// Compares the cookie's security stamp with the database on every request (one column of one row, by primary key),
/// so a cookie copied before a sign-out, a password reset or a membership change is refused the next time it is used,
/// on every replica. Identity's own validator would have to rebuild every claim (five queries and a new cookie) to
/// check as often; it still does that, as before, once per <see cref="SecurityStampValidatorOptions.ValidationInterval"/>
/// to pick up changes that do not touch the stamp.
/// </summary>
public sealed class PlatformSecurityStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<PlatformUser> signInManager, ILoggerFactory logger, PlatformDbContext db)
    : SecurityStampValidator<PlatformUser>(options, signInManager, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (!await StampIsCurrentAsync(context))
        {
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }

        await base.ValidateAsync(context);
    }

    private async Task<bool> StampIsCurrentAsync(CookieValidatePrincipalContext context)
    {
        var claims = SignInManager.Options.ClaimsIdentity;
        var principal = context.Principal;
        var stamp = principal?.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (stamp is null || !Guid.TryParse(principal!.FindFirst(claims.UserIdClaimType)?.Value, out var userId))
        {
            return false;
        }

        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp)
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        return string.Equals(current, stamp, StringComparison.Ordinal);
    }
}
