using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// Signing out ends the session on the server, not only in this browser: deleting the cookie would leave a copy
/// of it valid for its 8 hours. The security stamp is per person, so every session and token of theirs ends.
/// </summary>
public static class SignOutEverywhere
{
    public static async Task EndAsync(ClaimsPrincipal principal, SignInManager<PlatformUser> signIn, AccessRevocation access, CancellationToken cancellationToken)
    {
        var user = principal.Identity?.IsAuthenticated == true ? await signIn.UserManager.GetUserAsync(principal) : null;
        if (user is not null)
        {
            await access.EndAsync(user, cancellationToken);
        }

        await signIn.SignOutAsync();
    }
}
