using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>How long compliance history is kept (<c>Compliance:History</c>).</summary>
public sealed class ComplianceHistoryOptions
{
    public const string SectionName = "Compliance:History";

    /// <summary>Every run's summary is kept this many days; after that, one a week (Monday's) and every run that changed an item.</summary>
    public int DailyDays { get; set; } = 35;

    /// <summary>Assessment years kept, counting back from the newest published one; older years' runs are deleted.</summary>
    public int Years { get; set; } = 3;
}

/// <summary>
/// The retention policy of the runs' history, applied after each nightly run across every tenant (hence the name:
/// bulk deletes step over the tenant filter). Item results are never deleted on their own, because a run's verdicts
/// are read from the newest results at or before it: a run is thinned only when it holds none.
/// </summary>
public sealed class CrossTenantComplianceHistory(PlatformDbContext db, IOptions<ComplianceHistoryOptions> options)
{
    public async Task<int> PruneAsync(DateOnly today, int newestYear, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var oldestYear = newestYear - settings.Years + 1;
        string[] tenantFilter = [PlatformDbContext.TenantFilter];
        var deleted = await db.ComplianceRuns.IgnoreQueryFilters(tenantFilter)
            .Where(r => r.AssessmentYear < oldestYear).ExecuteDeleteAsync(cancellationToken);
        await db.LaoStandings.Where(s => s.AssessmentYear < oldestYear).ExecuteDeleteAsync(cancellationToken);

        // Slots are "nightly:yyyy-MM-dd" (Bangkok): Mondays' are kept, as are the runs holding a changed item.
        var cutoff = today.AddDays(-settings.DailyDays);
        var keep = Enumerable.Range(1, 366 * settings.Years).Select(n => cutoff.AddDays(-n)).Where(d => d.DayOfWeek == DayOfWeek.Monday)
            .Select(d => "nightly:" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        // In UTC like the stored instants: SQLite's binary DateTimeOffset compares local ticks, so a +07:00 cutoff would
        // take the cutoff Monday's 02:00 runs (19:00 UTC the day before) for older ones and delete them.
        var cutoffInstant = new DateTimeOffset(cutoff.ToDateTime(TimeOnly.MinValue), Domain.Calendar.ThaiTime.BangkokOffset).ToUniversalTime();
        var results = db.ComplianceResults.IgnoreQueryFilters(tenantFilter);
        deleted += await db.ComplianceRuns.IgnoreQueryFilters(tenantFilter)
            .Where(r => r.QueuedAt < cutoffInstant && (r.State == ComplianceRunState.Completed || r.State == ComplianceRunState.Failed) && !keep.Contains(r.Slot)
                        && !results.Any(x => x.RunId == r.Id))
            .ExecuteDeleteAsync(cancellationToken);
        return deleted;
    }
}
