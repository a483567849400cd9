using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Measures;

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
