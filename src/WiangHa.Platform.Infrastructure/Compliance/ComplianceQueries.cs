using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>The API's disclosure list: filters, order and page (see <see cref="Page{T}"/>).</summary>
/// <param name="Year">Only this assessment year.</param>
/// <param name="Answer">Only this answer.</param>
/// <param name="UpdatedSince">Only sheets saved after this instant.</param>
/// <param name="ByUpdate">Oldest change first instead of newest year, then item code (as text: O1, O10, O2).</param>
/// <param name="Page">Size and cursor.</param>
public sealed record DisclosureListQuery(int? Year, DisclosureAnswer? Answer, DateTimeOffset? UpdatedSince, bool ByUpdate, PageRequest Page);

/// <summary>Reads the current tenant's disclosures, runs and results.</summary>
public sealed class ComplianceQueries(PlatformDbContext db)
{
    public Task<ItemDisclosure?> DisclosureAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.ItemDisclosures.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ItemDisclosure>> DisclosuresAsync(int year, CancellationToken cancellationToken = default) =>
        await db.ItemDisclosures.AsNoTracking().Where(d => d.AssessmentYear == year).ToListAsync(cancellationToken);

    /// <summary>One page of the API's disclosure list; null when the cursor is not one this list handed out with this order.</summary>
    public async Task<Page<ItemDisclosure>?> DisclosurePageAsync(DisclosureListQuery list, CancellationToken cancellationToken = default)
    {
        var query = db.ItemDisclosures.AsNoTracking();
        if (list.Year is { } year)
        {
            query = query.Where(d => d.AssessmentYear == year);
        }

        if (list.Answer is { } answer)
        {
            query = query.Where(d => d.Answer == answer);
        }

        query = query.ChangedSince(list.UpdatedSince);

        if (list.Page.Cursor is { } text)
        {
            if (PageCursor.Decode<DisclosureCursor>(text) is not { } after || after.ByUpdate != list.ByUpdate)
            {
                return null;
            }

            query = list.ByUpdate
                ? query.AfterChange(after.UpdatedAt, after.Id)
                : query.Where(d => d.AssessmentYear < after.Year
                    || (d.AssessmentYear == after.Year && (d.ItemCode.CompareTo(after.ItemCode) > 0 || (d.ItemCode == after.ItemCode && d.Id.CompareTo(after.Id) > 0))));
        }

        var ordered = list.ByUpdate
            ? query.OrderByChange()
            : query.OrderByDescending(d => d.AssessmentYear).ThenBy(d => d.ItemCode).ThenBy(d => d.Id);
        var rows = await ordered.Take(list.Page.Limit + 1).ToListAsync(cancellationToken);
        return PageCursor.ToPage(rows, list.Page.Limit, d => new DisclosureCursor(list.ByUpdate, d.AssessmentYear, d.ItemCode, d.UpdatedAt, d.Id), d => d);
    }

    private sealed record DisclosureCursor(bool ByUpdate, int Year, string ItemCode, DateTimeOffset UpdatedAt, Guid Id);

    /// <summary>A run with every item's verdict in it (see <see cref="WithVerdictsAsync"/>).</summary>
    public async Task<ComplianceRun?> RunAsync(Guid id, CancellationToken cancellationToken = default) =>
        await WithVerdictsAsync(await db.ComplianceRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken), cancellationToken);

    /// <summary>The newest completed run of a year, with every item's verdict.</summary>
    public async Task<ComplianceRun?> LatestRunAsync(int year, CancellationToken cancellationToken = default) =>
        await WithVerdictsAsync(await db.ComplianceRuns.AsNoTracking()
            .Where(r => r.AssessmentYear == year && r.State == ComplianceRunState.Completed)
            .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken), cancellationToken);

    /// <summary>The newest completed run of a year against one manual version, with every item's verdict.</summary>
    public async Task<ComplianceRun?> LatestRunAsync(int year, Guid manualVersionId, CancellationToken cancellationToken = default) =>
        await WithVerdictsAsync(await db.ComplianceRuns.AsNoTracking()
            .Where(r => r.AssessmentYear == year && r.ManualVersionId == manualVersionId && r.State == ComplianceRunState.Completed)
            .OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Fills <see cref="ComplianceRun.Results"/> with each item's verdict as of the run: runs store only the items
    /// whose verdict changed, so an item's verdict is its newest result at or before the run, in the same manual version.
    /// </summary>
    private async Task<ComplianceRun?> WithVerdictsAsync(ComplianceRun? run, CancellationToken cancellationToken)
    {
        if (run is null || run.State != ComplianceRunState.Completed)
        {
            return run;
        }

        var results = await db.ComplianceResults.AsNoTracking().Where(r => r.AssessmentYear == run.AssessmentYear)
            .Join(db.ComplianceRuns.Where(x => x.ManualVersionId == run.ManualVersionId), r => r.RunId, x => x.Id, (r, _) => r)
            .ToListAsync(cancellationToken);
        run.Results = [.. ItemResultHistory.LatestPerItem(results, run.FinishedAt).Values];
        return run;
    }

    /// <summary>Score history of a year, oldest first (for trends).</summary>
    /// <param name="manualVersionId">Only runs against this version: a trend across versions would mix item lists.</param>
    public async Task<IReadOnlyList<(DateTimeOffset At, decimal Score)>> ScoreHistoryAsync(int year, int take, Guid? manualVersionId = null, CancellationToken cancellationToken = default)
    {
        var rows = await db.ComplianceRuns.AsNoTracking()
            .Where(r => r.AssessmentYear == year && r.State == ComplianceRunState.Completed && (manualVersionId == null || r.ManualVersionId == manualVersionId))
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
