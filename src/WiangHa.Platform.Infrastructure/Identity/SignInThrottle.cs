using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>The throttle's limits (<c>Security:SignIn</c>); see <see cref="SignInThrottle"/> and ADR 0002.</summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "Security:SignIn";

    /// <summary>Failures one client may make on one account within <see cref="ClientWindow"/> before that client is refused.</summary>
    public int FailuresPerClient { get; set; } = 5;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures an account may take from all clients in an hour before clients it does not know are refused.</summary>
    public int AccountFailuresPerHour { get; set; } = 20;

    /// <summary>How long a client stays known to an account after a sign-in (or a password reset) from it.</summary>
    public int KnownClientDays { get; set; } = 30;
}

/// <summary>
/// Lockout that a stranger cannot use against someone else. Identity's own lockout counted failures per account, so
/// five wrong passwords from anywhere locked anyone out, operators included. Failures are counted here instead:
/// <list type="bullet">
/// <item>per account and client IP: after <see cref="SignInThrottleOptions.FailuresPerClient"/> failures within
/// <see cref="SignInThrottleOptions.ClientWindow"/> (since that client's last success) that client is refused on that
/// account; every other client, the real user's included, is not;</item>
/// <item>per account, across clients: after <see cref="SignInThrottleOptions.AccountFailuresPerHour"/> failures in an
/// hour only clients the account knows (a sign-in or a password reset from them within
/// <see cref="SignInThrottleOptions.KnownClientDays"/>) may keep trying, so many IPs together still get only that many
/// guesses an hour, while the real user at their usual address is never locked out. From a new address during such an
/// attack, resetting the password makes the address known.</item>
/// </list>
/// With the per-IP limiter on the form (<c>Security:RateLimits</c>), guessing stays bounded. Counted by the address
/// typed, whether or not it has an account, so refusals say nothing about which addresses exist. Refused attempts are
/// recorded as failures too (a client that keeps knocking stays refused). Rows live in the database, so every replica
/// counts the same attempts.
/// </summary>
public sealed class SignInThrottle(PlatformDbContext db, TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    private readonly SignInThrottleOptions _options = options.Value;

    /// <summary>The account key: the address as Identity normalises emails.</summary>
    public static string AccountKey(string email) => email.Trim().ToUpperInvariant();

    public static string ClientKey(IPAddress? address) => address?.ToString() ?? "unknown";

    /// <summary>Whether this client may not try a password on this account now.</summary>
    public async Task<bool> IsRefusedAsync(string account, string client, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var knownSince = now.AddDays(-_options.KnownClientDays);
        var lastSuccess = await db.SignInAttempts
            .Where(a => a.Account == account && a.Client == client && a.Succeeded && a.At > knownSince)
            .OrderByDescending(a => a.At).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(cancellationToken);
        var windowStart = now - _options.ClientWindow;
        var clientSince = lastSuccess > windowStart ? lastSuccess.Value : windowStart;
        var clientFailures = await db.SignInAttempts
            .CountAsync(a => a.Account == account && a.Client == client && !a.Succeeded && a.At > clientSince, cancellationToken);
        if (clientFailures >= _options.FailuresPerClient)
        {
            return true;
        }

        if (lastSuccess is not null)
        {
            return false;
        }

        var hourAgo = now.AddHours(-1);
        return await db.SignInAttempts.CountAsync(a => a.Account == account && !a.Succeeded && a.At > hourAgo, cancellationToken)
               >= _options.AccountFailuresPerHour;
    }

    /// <summary>Records an attempt; a success (or a password reset) makes the client known to the account.</summary>
    public async Task RecordAsync(string account, string client, bool succeeded, CancellationToken cancellationToken = default)
    {
        db.SignInAttempts.Add(new SignInAttempt { Account = account, Client = client, Succeeded = succeeded, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }
}
