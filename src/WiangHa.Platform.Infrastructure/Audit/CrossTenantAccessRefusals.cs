using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Audit;

/// <summary>The LAO a refused request was after.</summary>
public sealed record RefusedTarget(Guid TenantId, string Name);

/// <summary>
/// Records <see cref="AuditActions.AccessRefused"/>: a signed-in user asked for an LAO they are not a member of (by
/// its slug) or for another LAO's row (by its id). The entry belongs to the LAO that was targeted, so its admins see
/// who knocked. Across tenants by purpose: finding whose id it was steps over the tenant filter.
/// </summary>
public sealed class CrossTenantAccessRefusals(PlatformDbContext db, AuditLog audit, AccessRefusalThrottle throttle)
{
    /// <summary>
    /// The LAO owning <paramref name="id"/> when it is a row of another LAO than <paramref name="currentTenantId"/>
    /// (measures, units, disclosures, runs: the rows URLs address by id); one query.
    /// </summary>
    public async Task<RefusedTarget?> ForeignOwnerAsync(Guid id, Guid currentTenantId, CancellationToken cancellationToken = default)
    {
        var owners = db.Measures.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).Where(m => m.Id == id).Select(m => m.TenantId)
            .Concat(db.OrgUnits.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).Where(u => u.Id == id).Select(u => u.TenantId))
            .Concat(db.ItemDisclosures.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).Where(d => d.Id == id).Select(d => d.TenantId))
            .Concat(db.ComplianceRuns.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).Where(r => r.Id == id).Select(r => r.TenantId));
        return await (from owner in owners
                      join o in db.Organisations on owner equals o.Id
                      where owner != currentTenantId
                      select new RefusedTarget(o.Id, o.NameTh))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Writes the entry unless this user was already recorded against this LAO this minute (see the throttle).</summary>
    public async Task<bool> RecordAsync(Guid userId, RefusedTarget target, string method, string path, CancellationToken cancellationToken = default)
    {
        if (!throttle.TryRecord(userId, target.TenantId))
        {
            return false;
        }

        var details = JsonSerializer.Serialize(new RefusalDetails(target.Name, method, path.Length > 300 ? path[..300] : path), AuditDetails.JsonOptions);
        await audit.RecordAsync(AuditActions.AccessRefused, target.TenantId, "Organisation", target.TenantId.ToString(), details, cancellationToken: cancellationToken);
        return true;
    }

    private sealed record RefusalDetails(
        [property: System.Text.Json.Serialization.JsonPropertyName("subject")] string Subject,
        [property: System.Text.Json.Serialization.JsonPropertyName("method")] string Method,
        [property: System.Text.Json.Serialization.JsonPropertyName("path")] string Path);
}

/// <summary>
/// Bounds what a scanner can make the trail write: one entry per user × LAO × minute, at most
/// <see cref="EntriesPerUserPerMinute"/> entries and <see cref="ProbesPerUserPerMinute"/> id look-ups per user and
/// minute. In memory, per process (a few replicas each keep their own bound); a minute's keys are dropped the next.
/// </summary>
public sealed class AccessRefusalThrottle(TimeProvider clock)
{
    public const int EntriesPerUserPerMinute = 10;
    public const int ProbesPerUserPerMinute = 30;

    private readonly ConcurrentDictionary<(Guid User, Guid Tenant), long> recorded = new();
    private readonly ConcurrentDictionary<(Guid User, string Counter), (long Minute, int Count)> counters = new();
    private long minuteSeen;

    /// <summary>Whether a 404 on an id may be looked up across tenants (bounded per user).</summary>
    public bool TryProbe(Guid userId) => Count(userId, "probe", ProbesPerUserPerMinute);

    public bool TryRecord(Guid userId, Guid tenantId)
    {
        var minute = Minute();
        if (recorded.TryGetValue((userId, tenantId), out var last) && last == minute)
        {
            return false;
        }

        if (!Count(userId, "entry", EntriesPerUserPerMinute))
        {
            return false;
        }

        recorded[(userId, tenantId)] = minute;
        return true;
    }

    private bool Count(Guid userId, string counter, int limit)
    {
        var minute = Minute();
        var (_, count) = counters.AddOrUpdate((userId, counter), (minute, 1), (_, old) => old.Minute == minute ? (minute, old.Count + 1) : (minute, 1));
        return count <= limit;
    }

    private long Minute()
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        if (Interlocked.Exchange(ref minuteSeen, minute) != minute)
        {
            // A new minute: what the last ones counted bounds nothing any more.
            foreach (var key in recorded.Where(r => r.Value < minute).Select(r => r.Key).ToList())
            {
                recorded.TryRemove(key, out _);
            }

            foreach (var key in counters.Where(c => c.Value.Minute < minute).Select(c => c.Key).ToList())
            {
                counters.TryRemove(key, out _);
            }
        }

        return minute;
    }
}
