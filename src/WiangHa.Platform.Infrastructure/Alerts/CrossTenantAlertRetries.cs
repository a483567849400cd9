using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// Puts failed outbox rows back in the queue with a conditional update: a row is taken back only while it is still
/// failed, so two operators retrying at once (or a retry racing the sender that just took it back) cannot reset a
/// row a sender already holds. Cross-tenant: the operators' outbox spans every LAO and province.
/// </summary>
public sealed class CrossTenantAlertRetries(PlatformDbContext db)
{
    private const int ChunkSize = 500;

    /// <summary>How many of <paramref name="ids"/> were failed and are now pending, due at <paramref name="now"/> with every attempt ahead of them.</summary>
    public async Task<int> RetryAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retried = 0;
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            retried += await db.AlertMessages
                .Where(m => chunk.Contains(m.Id) && m.State == AlertState.Failed)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, AlertState.Pending)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        }

        return retried;
    }
}
