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
