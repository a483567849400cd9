using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// The outcome of a password sign-in; <see cref="User"/> is set only when the password was right, <see cref="AccountId"/>
/// whenever the address has an account (for the audit trail, never for the page).
/// </summary>
public sealed record PasswordSignInOutcome(SignInResult Result, PlatformUser? User, Guid? AccountId)
{
    public bool PasswordAccepted => Result.Succeeded || Result.RequiresTwoFactor;
}

/// <summary>
/// Signs in by email and password doing the same work whatever the address: exactly one password verification per
/// attempt (the account's hash, or <see cref="DecoyPasswordHash"/>'s for an unknown address, an account without a
/// password, a refused client or an account Identity locked after wrong two-factor codes), one throttle check and one
/// recorded attempt. So neither the time taken nor the answer tells whether the account exists or is locked. Identity's
/// own lockout is not fed by passwords any more (see <see cref="SignInThrottle"/>); it still guards the two-factor step.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users, IPasswordHasher<PlatformUser> hasher, DecoyPasswordHash decoy, SignInThrottle throttle)
{
    public async Task<PasswordSignInOutcome> SignInAsync(string email, string password, IPAddress? clientAddress, CancellationToken cancellationToken = default)
    {
        var account = SignInThrottle.AccountKey(email);
        var client = SignInThrottle.ClientKey(clientAddress);
        var user = await users.FindByEmailAsync(email);
        var refused = await throttle.IsRefusedAsync(account, client, cancellationToken);
        var result = refused || user?.PasswordHash is null
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (refused || user?.PasswordHash is null || result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity checked no password on these paths: spend the same time on a decoy.
            decoy.Verify(hasher, password);
        }

        var outcome = new PasswordSignInOutcome(refused ? SignInResult.LockedOut : result, null, user?.Id);
        await throttle.RecordAsync(account, client, outcome.PasswordAccepted, cancellationToken);
        return outcome with { User = outcome.PasswordAccepted ? user : null };
    }
}

/// <summary>
/// A hash of a random password made once by the platform's own <see cref="IPasswordHasher{TUser}"/> (same algorithm,
/// same iteration count as real accounts), verified when there is no real hash to verify.
/// </summary>
public sealed class DecoyPasswordHash
{
    private static readonly PlatformUser Nobody = new();
    private string? _hash;

    public void Verify(IPasswordHasher<PlatformUser> hasher, string password)
    {
        var hash = LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
