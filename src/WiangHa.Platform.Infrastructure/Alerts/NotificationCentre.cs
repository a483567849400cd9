using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>One user's notifications: always the signed-in user's own (the user id comes from their cookie, never from a form).</summary>
public sealed class NotificationCentre(PlatformDbContext db, TimeProvider clock)
{
    public Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    public async Task<IReadOnlyList<Notification>> ListAsync(Guid userId, int take = 50, CancellationToken cancellationToken = default) =>
        await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(take).ToListAsync(cancellationToken);

    /// <summary>Marks one (or, without an id, every) notification of the user read; another user's id changes nothing.</summary>
    public async Task<int> MarkReadAsync(Guid userId, Guid? notificationId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && (notificationId == null || n.Id == notificationId))
            .ToListAsync(cancellationToken);
        unread.ForEach(n => n.ReadAt = now);
        await db.SaveChangesAsync(cancellationToken);
        return unread.Count;
    }

    /// <summary>Opens one of the user's notifications: marks it read and returns where it leads, or null if it is not theirs.</summary>
    public async Task<string?> OpenAsync(Guid userId, Guid notificationId, CancellationToken cancellationToken = default)
    {
        var link = await db.Notifications.Where(n => n.Id == notificationId && n.UserId == userId).Select(n => n.LinkPath).SingleOrDefaultAsync(cancellationToken);
        if (link is not null)
        {
            await MarkReadAsync(userId, notificationId, cancellationToken);
        }

        return link;
    }
}
