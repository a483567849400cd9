using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Audit;

public sealed record AuditEventView(
    long Id, DateTimeOffset OccurredAt, string Action, Guid? TenantId, Guid? ActorUserId, string? ActorName, string? IpAddress,
    string? SubjectType, string? SubjectId, string? Details);

/// <summary>
/// Which entries to show: <paramref name="Action"/> is an action or its start (<c>measure.</c> is every measure change),
/// <paramref name="From"/> and <paramref name="To"/> are days in Bangkok, both included.
/// </summary>
public sealed record AuditFilter(string? Action = null, Guid? ActorUserId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

/// <summary>
/// One page of the trail with the names its rows need, read in one query per kind: people (actors and the members a
/// membership change is about) and LAOs.
/// </summary>
public sealed record AuditTrailPage(
    IReadOnlyList<AuditEventView> Events, int Total, int Page, int PageCount,
    IReadOnlyDictionary<Guid, string> People, IReadOnlyDictionary<Guid, string> MembershipUsers, IReadOnlyDictionary<Guid, string> Organisations);

/// <summary>A person who appears in a trail, for the filter.</summary>
public sealed record AuditPerson(Guid UserId, string Name);

/// <summary>Reads the trail: one LAO's entries for its admins, everything for operators. Newest first, paged on the server.</summary>
public sealed class AuditTrailQueries(PlatformDbContext db)
{
    public const int PageSize = 50;
    private const int PeopleListed = 300;

    /// <summary>One LAO's entries (the organisation filter keeps them to the LAO in effect as well).</summary>
    public Task<AuditTrailPage> ForTenantAsync(Guid tenantId, AuditFilter filter, CancellationToken cancellationToken = default) =>
        PageAsync(db.AuditEvents.Where(e => e.TenantId == tenantId), filter, cancellationToken);

    public Task<AuditTrailPage> AllAsync(AuditFilter filter, CancellationToken cancellationToken = default) =>
        PageAsync(db.AuditEvents, filter, cancellationToken);

    /// <summary>The people who acted in one LAO's trail (or in all, for operators), by name.</summary>
    public async Task<IReadOnlyList<AuditPerson>> PeopleAsync(Guid? tenantId, CancellationToken cancellationToken = default)
    {
        var events = tenantId is { } id ? db.AuditEvents.Where(e => e.TenantId == id) : db.AuditEvents;
        var ids = await events.Where(e => e.ActorUserId != null).Select(e => e.ActorUserId!.Value).Distinct().Take(PeopleListed).ToListAsync(cancellationToken);
        var names = await NamesAsync(ids, cancellationToken);
        return [.. names.Select(n => new AuditPerson(n.Key, n.Value)).OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    private async Task<AuditTrailPage> PageAsync(IQueryable<AuditEvent> query, AuditFilter filter, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(e => e.Action.StartsWith(action));
        }

        if (filter.ActorUserId is { } actor)
        {
            query = query.Where(e => e.ActorUserId == actor);
        }

        if (filter.From is { } from)
        {
            var start = StartOfBangkokDay(from);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfBangkokDay(to.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var events = await query.OrderByDescending(e => e.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(e => new AuditEventView(e.Id, e.OccurredAt, e.Action, e.TenantId, e.ActorUserId, e.ActorName, e.IpAddress, e.SubjectType, e.SubjectId, e.Details))
            .ToListAsync(cancellationToken);

        var membershipIds = events.Where(e => e.SubjectType == "Membership").Select(e => Guid.TryParse(e.SubjectId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var memberships = membershipIds.Count == 0 ? [] : await db.Memberships.AsNoTracking().Where(m => membershipIds.Contains(m.Id))
            .Select(m => new { m.Id, m.UserId }).ToDictionaryAsync(m => m.Id, m => m.UserId, cancellationToken);
        var people = await NamesAsync(events.Where(e => e.ActorUserId != null).Select(e => e.ActorUserId!.Value).Concat(memberships.Values), cancellationToken);
        var tenantIds = events.Where(e => e.TenantId != null).Select(e => e.TenantId!.Value).Distinct().ToList();
        var organisations = tenantIds.Count == 0 ? [] : await db.Organisations.AsNoTracking().Where(o => tenantIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.NameTh, cancellationToken);
        var membershipUsers = memberships.Where(m => people.ContainsKey(m.Value)).ToDictionary(m => m.Key, m => people[m.Value]);
        return new AuditTrailPage(events, total, page, pageCount, people, membershipUsers, organisations);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : u.DisplayName);
    }

    private static DateTimeOffset StartOfBangkokDay(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ThaiTime.BangkokOffset).ToUniversalTime();
}
