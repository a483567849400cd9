using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// Ends every session and token a person holds, on the next request they make: a new security stamp refuses their
/// cookies (the stamp is checked on every request), and their OpenIddict tokens and authorizations are revoked,
/// which refuses their access tokens (token entries are checked on every API call) and their refresh tokens.
/// Both live in the database, so every replica sees them at once. See ADR 0002 ("Access that ends").
/// </summary>
public sealed class AccessRevocation(UserManager<PlatformUser> users, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations)
{
    public async Task EndAsync(PlatformUser user, CancellationToken cancellationToken = default)
    {
        await users.UpdateSecurityStampAsync(user);
        var subject = user.Id.ToString();
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
    }

    public async Task EndAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is not null)
        {
            await EndAsync(user, cancellationToken);
        }
    }
}
