using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Audit;

/// <summary>Records events that are not entity changes (sign-ins, exports, invitations).</summary>
public sealed class AuditLog(PlatformDbContext db, IAuditActorAccessor actors, TimeProvider clock)
{
    public async Task RecordAsync(string action, Guid? tenantId = null, string? subjectType = null, string? subjectId = null,
        string? details = null, Guid? actorUserId = null, string? actorName = null, CancellationToken cancellationToken = default)
    {
        var actor = actors.Current;
        db.Set<AuditEvent>().Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow(),
            Action = action,
            TenantId = tenantId,
            ActorUserId = actorUserId ?? actor.UserId,
            ActorName = actorName ?? actor.Name,
            IpAddress = actor.IpAddress,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Details = details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record AuditEventView(long Id, DateTimeOffset OccurredAt, string Action, Guid? TenantId, string? ActorName, string? IpAddress, string? SubjectType, string? SubjectId, string? Details);

/// <summary>Reads the trail: one LAO's entries for its admins, everything for operators. Newest first, paged.</summary>
public sealed class AuditTrailQueries(PlatformDbContext db)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<AuditEventView>> ForTenantAsync(Guid tenantId, int page = 1, CancellationToken cancellationToken = default) =>
        await Page(db.Set<AuditEvent>().Where(e => e.TenantId == tenantId), page).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AuditEventView>> AllAsync(int page = 1, string? action = null, CancellationToken cancellationToken = default)
    {
        var query = db.Set<AuditEvent>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action.StartsWith(action));
        }

        return await Page(query, page).ToListAsync(cancellationToken);
    }

    private static IQueryable<AuditEventView> Page(IQueryable<AuditEvent> query, int page) =>
        query.OrderByDescending(e => e.Id)
            .Skip((Math.Max(page, 1) - 1) * PageSize)
            .Take(PageSize)
            .Select(e => new AuditEventView(e.Id, e.OccurredAt, e.Action, e.TenantId, e.ActorName, e.IpAddress, e.SubjectType, e.SubjectId, e.Details));
}
