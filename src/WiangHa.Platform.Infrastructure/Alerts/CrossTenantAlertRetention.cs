using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// Keeps the outbox and the notification centres bounded: a national morning adds about 31,000 rows, a season about 30
/// mornings. Delivered or given-up alerts are kept for <see cref="OutboxDays"/> (long enough to answer "did we warn
/// them?" through the next season's clarification window), notifications for a year. Pending rows are never pruned.
/// </summary>
public sealed class CrossTenantAlertRetention(PlatformDbContext db, TimeProvider clock)
{
    public const int OutboxDays = 400;
    public const int NotificationDays = 365;

    public async Task<(int Alerts, int Notifications)> PruneAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var outboxCutoff = now.AddDays(-OutboxDays);
        var notificationCutoff = now.AddDays(-NotificationDays);
        var alerts = await db.AlertMessages
            .Where(m => (m.State == AlertState.Sent || m.State == AlertState.Failed) && m.CreatedAt < outboxCutoff)
            .ExecuteDeleteAsync(cancellationToken);
        var notifications = await db.Notifications.Where(n => n.CreatedAt < notificationCutoff).ExecuteDeleteAsync(cancellationToken);
        return (alerts, notifications);
    }
}
