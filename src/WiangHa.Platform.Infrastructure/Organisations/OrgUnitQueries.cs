using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Organisations;

public sealed record OrgUnitView(Guid Id, string Name, int SortOrder, bool IsActive, Guid Version, int MeasureCount);

/// <summary>ส่วนราชการ of the current tenant, with how many measures name each (a unit in use cannot be deleted).</summary>
public sealed class OrgUnitQueries(PlatformDbContext db)
{
    public async Task<IReadOnlyList<OrgUnitView>> ListAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        var query = db.OrgUnits.AsNoTracking();
        if (activeOnly)
        {
            query = query.Where(u => u.IsActive);
        }

        var units = await query.OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        var ids = units.Select(u => u.Id).ToList();
        var usage = await db.Measures
            .SelectMany(m => m.ResponsibleUnits.Select(u => u.Id))
            .Where(id => ids.Contains(id))
            .GroupBy(id => id)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return units.Select(u => new OrgUnitView(u.Id, u.Name, u.SortOrder, u.IsActive, u.Version, usage.GetValueOrDefault(u.Id))).ToList();
    }

    public async Task<OrgUnitView?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken: cancellationToken)).SingleOrDefault(u => u.Id == id);
}
