using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// Keeps the identity tables that grow with every request bounded (nightly, with the token pruning): sign-in attempts
/// older than the time a client stays known, sent or given-up mail after <see cref="MailDays"/>, and reset requests for
/// addresses without an account after a day (they only feed the hourly per-address cap). Pending mail is never pruned.
/// Cross-tenant by name only: none of these rows belongs to an LAO.
/// </summary>
public sealed class CrossTenantIdentityRetention(PlatformDbContext db, TimeProvider clock, IOptions<SignInThrottleOptions> throttle)
{
    public const int MailDays = 14;

    public async Task<(int Attempts, int Mails)> PruneAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var attemptsCutoff = now.AddDays(-throttle.Value.KnownClientDays);
        var mailCutoff = now.AddDays(-MailDays);
        var droppedCutoff = now.AddDays(-1);
        var attempts = await db.SignInAttempts.Where(a => a.At < attemptsCutoff).ExecuteDeleteAsync(cancellationToken);
        var mails = await db.OutgoingMails
            .Where(m => ((m.State == OutgoingMailState.Sent || m.State == OutgoingMailState.Failed) && m.CreatedAt < mailCutoff)
                        || (m.State == OutgoingMailState.Dropped && m.CreatedAt < droppedCutoff))
            .ExecuteDeleteAsync(cancellationToken);
        return (attempts, mails);
    }
}
