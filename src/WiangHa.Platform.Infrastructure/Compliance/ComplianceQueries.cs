using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>Reads the current tenant's disclosures, runs and results.</summary>
public sealed class ComplianceQueries(PlatformDbContext db)
{
    public Task<ItemDisclosure?> DisclosureAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ItemDisclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ItemDisclosure>> DisclosuresAsync(int year, CancellationToken cancellationToken = default) =>
        await db.ItemDisclosures.AsNoTracking().Where(d => d.AssessmentYear == year).ToListAsync(cancellationToken);

    public Task<ComplianceRun?> RunAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ComplianceRuns.AsNoTracking().Include(r => r.Results).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The newest completed run of a year, with its results.</summary>
    public Task<ComplianceRun?> LatestRunAsync(int year, CancellationToken cancellationToken = default) =>
        db.ComplianceRuns.AsNoTracking().Include(r => r.Results)
            .Where(r => r.AssessmentYear == year && r.State == ComplianceRunState.Completed)
            .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);

    /// <summary>Score history of a year, oldest first (for trends).</summary>
    public async Task<IReadOnlyList<(DateTimeOffset At, decimal Score)>> ScoreHistoryAsync(int year, int take, CancellationToken cancellationToken = default)
    {
        var rows = await db.ComplianceRuns.AsNoTracking()
            .Where(r => r.AssessmentYear == year && r.State == ComplianceRunState.Completed)
            .OrderByDescending(r => r.FinishedAt).Take(take).Select(r => new { r.FinishedAt, r.Score }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.FinishedAt!.Value, r.Score)).Reverse().ToList();
    }

    /// <summary>Assessment years the LAO has filled in disclosures for, newest first.</summary>
    public async Task<IReadOnlyList<int>> DisclosedYearsAsync(CancellationToken cancellationToken = default) =>
        await db.ItemDisclosures.Select(d => d.AssessmentYear).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    /// <summary>One item's verdicts over time, newest first.</summary>
    public async Task<IReadOnlyList<ComplianceResult>> ItemHistoryAsync(int year, string code, int take, CancellationToken cancellationToken = default) =>
        await db.ComplianceResults.AsNoTracking().Where(r => r.AssessmentYear == year && r.ItemCode == code)
            .OrderByDescending(r => r.CheckedAt).Take(take).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, LinkCheck>> LinkChecksAsync(CancellationToken cancellationToken = default) =>
        await db.LinkChecks.AsNoTracking().ToDictionaryAsync(l => l.Url, StringComparer.Ordinal, cancellationToken);
}
