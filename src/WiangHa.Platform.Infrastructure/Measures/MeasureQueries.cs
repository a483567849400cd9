using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Measures;

/// <summary>The API's measure list: filters, order and page (see <see cref="Page{T}"/>).</summary>
/// <param name="Year">Only this fiscal year.</param>
/// <param name="UpdatedSince">Only measures saved after this instant (a sync's last high-water mark).</param>
/// <param name="ByUpdate">Oldest change first (for syncs) instead of the catalogue's order (newest year, then number).</param>
/// <param name="Page">Size and cursor.</param>
public sealed record MeasureListQuery(int? Year, DateTimeOffset? UpdatedSince, bool ByUpdate, PageRequest Page);

/// <summary>Reads measures of the current tenant (the tenant filter applies to every query here).</summary>
public sealed class MeasureQueries(PlatformDbContext db)
{
    /// <summary>The measures of one fiscal year, or of every year (newest first) when <paramref name="fiscalYear"/> is null.</summary>
    public async Task<IReadOnlyList<MeasureView>> ListAsync(int? fiscalYear, CancellationToken cancellationToken = default)
    {
        var query = db.Measures.AsNoTracking();
        if (fiscalYear is { } year)
        {
            query = query.Where(m => m.FiscalYear == year);
        }

        var measures = await query
            .Include(m => m.ResponsibleUnits)
            .Include(m => m.EvidenceLinks)
            .AsSplitQuery()
            .OrderByDescending(m => m.FiscalYear).ThenBy(m => m.Number).ThenBy(m => m.CreatedAt)
            .ToListAsync(cancellationToken);
        return measures.Select(MeasureView.From).ToList();
    }

    /// <summary>One page of the API's list; null when the cursor is not one this list handed out with this order.</summary>
    public async Task<Page<MeasureView>?> PageAsync(MeasureListQuery list, CancellationToken cancellationToken = default)
    {
        var query = db.Measures.AsNoTracking();
        if (list.Year is { } year)
        {
            query = query.Where(m => m.FiscalYear == year);
        }

        query = query.ChangedSince(list.UpdatedSince);

        if (list.Page.Cursor is { } text)
        {
            if (PageCursor.Decode<MeasureCursor>(text) is not { } after || after.ByUpdate != list.ByUpdate)
            {
                return null;
            }

            query = list.ByUpdate
                ? query.AfterChange(after.UpdatedAt, after.Id)
                : query.Where(m => m.FiscalYear < after.Year
                    || (m.FiscalYear == after.Year && (m.Number > after.Number || (m.Number == after.Number && m.Id.CompareTo(after.Id) > 0))));
        }

        var ordered = list.ByUpdate
            ? query.OrderByChange()
            : query.OrderByDescending(m => m.FiscalYear).ThenBy(m => m.Number).ThenBy(m => m.Id);
        var rows = await ordered.Take(list.Page.Limit + 1)
            .Include(m => m.ResponsibleUnits)
            .Include(m => m.EvidenceLinks)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return PageCursor.ToPage(rows, list.Page.Limit, m => new MeasureCursor(list.ByUpdate, m.FiscalYear, m.Number, m.UpdatedAt, m.Id), MeasureView.From);
    }

    private sealed record MeasureCursor(bool ByUpdate, int Year, int Number, DateTimeOffset UpdatedAt, Guid Id);

    public async Task<MeasureView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var measure = await db.Measures.AsNoTracking()
            .Include(m => m.ResponsibleUnits)
            .Include(m => m.EvidenceLinks)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return measure is null ? null : MeasureView.From(measure);
    }

    /// <summary>The fiscal years that have measures, newest first.</summary>
    public async Task<IReadOnlyList<int>> FiscalYearsAsync(CancellationToken cancellationToken = default) =>
        await db.Measures.Select(m => m.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
}
