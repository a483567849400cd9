using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Dashboards;

/// <summary>One onboarded LAO as the directory lists it (<c>GET /api/v1/laos</c>): enough to call its tenant routes.</summary>
public sealed record LaoListing(
    Guid Id, string Slug, string? DlaCode, string NameTh, string NameEn, OrganisationType Kind, string KindLabel, string ProvinceCode, string DistrictCode,
    OrganisationStatus Status);

/// <summary>How the directory is sorted: Thai dictionary order of the name, or the DLA code (LAOs without one last).</summary>
public enum LaoOrder
{
    Name,
    Code,
}

/// <summary>
/// Which LAOs a caller may read: every LAO for national scope, the LAOs of the scope's provinces, and the LAOs the caller
/// is a member of (an LAO's own client sees itself, and nothing else).
/// </summary>
public sealed record LaoReach(SupervisorScope Scope, IReadOnlySet<Guid> Memberships);

public sealed record LaoListQuery(LaoReach Reach, string? Province, string? District, OrganisationType? Kind, LaoOrder Order, PageRequest Page);

/// <summary>
/// The directory of onboarded LAOs a supervisor's (or an LAO's) client may read. Organisations are the tenants
/// themselves, not tenant-owned rows: read with no filter switched off. At most the nation's 7,849 rows are ordered in
/// memory, because Thai dictionary order is not a collation every database provider has.
/// </summary>
public sealed class LaoQueries(PlatformDbContext db)
{
    private sealed record Cursor(string Key, Guid Id);

    /// <summary>A page of the LAOs in reach, or null when the cursor was not handed out by this list.</summary>
    public async Task<Page<LaoListing>?> PageAsync(LaoListQuery query, CancellationToken cancellationToken = default)
    {
        Cursor? after = null;
        if (query.Page.Cursor is { } cursor && (after = PageCursor.Decode<Cursor>(cursor)) is null)
        {
            return null;
        }

        var reach = query.Reach;
        var provinces = reach.Scope.Provinces.ToList();
        var memberships = reach.Memberships.ToList();
        var organisations = db.Organisations.AsNoTracking();
        if (!reach.Scope.IsNational)
        {
            organisations = organisations.Where(o => provinces.Contains(o.ProvinceCode) || memberships.Contains(o.Id));
        }

        if (query.Province is { } province)
        {
            organisations = organisations.Where(o => o.ProvinceCode == province);
        }

        if (query.District is { } district)
        {
            organisations = organisations.Where(o => o.DistrictCode == district);
        }

        if (query.Kind is { } kind)
        {
            organisations = organisations.Where(o => o.Type == kind);
        }

        var rows = await organisations
            .Select(o => new { o.Id, o.Slug, o.DlaCode, o.NameTh, o.NameEn, o.Type, o.ProvinceCode, o.DistrictCode, o.Status })
            .ToListAsync(cancellationToken);
        var byName = query.Order == LaoOrder.Name;
        StringComparer keys = byName ? DashboardQueries.ThaiOrder : StringComparer.Ordinal;
        var listed = rows
            .Select(o => (Key: byName ? o.NameTh : o.DlaCode ?? "~" + o.Slug, Row: o))
            .Where(r => after is null || keys.Compare(r.Key, after.Key) is var c && (c > 0 || (c == 0 && r.Row.Id.CompareTo(after.Id) > 0)))
            .OrderBy(r => r.Key, keys).ThenBy(r => r.Row.Id)
            .Take(query.Page.Limit + 1)
            .ToList();
        return PageCursor.ToPage(listed, query.Page.Limit, r => new Cursor(r.Key, r.Row.Id), r => new LaoListing(
            r.Row.Id, r.Row.Slug, r.Row.DlaCode, r.Row.NameTh, r.Row.NameEn, r.Row.Type, r.Row.Type.Label(), r.Row.ProvinceCode, r.Row.DistrictCode, r.Row.Status));
    }
}
