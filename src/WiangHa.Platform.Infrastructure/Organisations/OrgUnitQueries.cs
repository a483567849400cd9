using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Organisations;

public sealed record OrgUnitView(Guid Id, string Name, int SortOrder, bool IsActive, Guid Version, int MeasureCount, DateTimeOffset UpdatedAt);

/// <summary>The API's unit list: filters, order and page (see <see cref="Page{T}"/>).</summary>
/// <param name="Active">Only active (true) or retired (false) units.</param>
/// <param name="UpdatedSince">Only units saved after this instant.</param>
/// <param name="ByUpdate">Oldest change first instead of the LAO's own order (sort order, then id).</param>
/// <param name="Page">Size and cursor.</param>
public sealed record OrgUnitListQuery(bool? Active, DateTimeOffset? UpdatedSince, bool ByUpdate, PageRequest Page);

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

        return await ViewsAsync(await query.OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>One page of the API's list; null when the cursor is not one this list handed out with this order.</summary>
    public async Task<Page<OrgUnitView>?> PageAsync(OrgUnitListQuery list, CancellationToken cancellationToken = default)
    {
        var query = db.OrgUnits.AsNoTracking().ChangedSince(list.UpdatedSince);
        if (list.Active is { } active)
        {
            query = query.Where(u => u.IsActive == active);
        }

        if (list.Page.Cursor is { } text)
        {
            if (PageCursor.Decode<UnitCursor>(text) is not { } after || after.ByUpdate != list.ByUpdate)
            {
                return null;
            }

            query = list.ByUpdate
                ? query.AfterChange(after.UpdatedAt, after.Id)
                : query.Where(u => u.SortOrder > after.SortOrder || (u.SortOrder == after.SortOrder && u.Id.CompareTo(after.Id) > 0));
        }

        var ordered = list.ByUpdate ? query.OrderByChange() : query.OrderBy(u => u.SortOrder).ThenBy(u => u.Id);
        var rows = await ordered.Take(list.Page.Limit + 1).ToListAsync(cancellationToken);
        var views = (await ViewsAsync(rows, cancellationToken)).ToDictionary(v => v.Id);
        return PageCursor.ToPage(rows, list.Page.Limit, u => new UnitCursor(list.ByUpdate, u.SortOrder, u.UpdatedAt, u.Id), u => views[u.Id]);
    }

    private sealed record UnitCursor(bool ByUpdate, int SortOrder, DateTimeOffset UpdatedAt, Guid Id);

    /// <summary>The units as the API and pages show them, with how many measures name each.</summary>
    private async Task<IReadOnlyList<OrgUnitView>> ViewsAsync(IReadOnlyList<OrgUnit> units, CancellationToken cancellationToken)
    {
        var ids = units.Select(u => u.Id).ToList();
        var usage = await db.Measures
            .SelectMany(m => m.ResponsibleUnits.Select(u => u.Id))
            .Where(id => ids.Contains(id))
            .GroupBy(id => id)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return units.Select(u => new OrgUnitView(u.Id, u.Name, u.SortOrder, u.IsActive, u.Version, usage.GetValueOrDefault(u.Id), u.UpdatedAt)).ToList();
    }

    public async Task<OrgUnitView?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken: cancellationToken)).SingleOrDefault(u => u.Id == id);
}
