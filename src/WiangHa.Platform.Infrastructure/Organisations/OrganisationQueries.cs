using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Geography;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Organisations;

public sealed record OrganisationSummary(Guid Id, string Slug, string? DlaCode, string NameTh, OrganisationType Type, string ProvinceNameTh, string DistrictNameTh, OrganisationStatus Status, int MemberCount);

/// <summary>
/// The LAOs as operators and supervisors see them (registry data, across tenants), and the provinces they are listed
/// by.
/// </summary>
public sealed class OrganisationQueries(PlatformDbContext db)
{
    public async Task<IReadOnlyList<OrganisationSummary>> ListAsync(string? search = null, string? provinceCode = null, CancellationToken cancellationToken = default)
    {
        var query = from o in db.Organisations
                    join p in db.Provinces on o.ProvinceCode equals p.Code
                    join d in db.Districts on o.DistrictCode equals d.Code
                    select new { o, p, d };
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(x => x.o.NameTh.Contains(search) || x.o.Slug.Contains(search) || x.o.DlaCode == search);
        }

        if (!string.IsNullOrWhiteSpace(provinceCode))
        {
            query = query.Where(x => x.o.ProvinceCode == provinceCode);
        }

        // Thai dictionary order (a database's binary order puts every เ แ โ ใ ไ name last), so the names are sorted here
        // (the whole country is 7,849 short rows) and only the 500 shown get their member counts.
        var names = await query.Select(x => new { x.o.Id, Province = x.p.NameTh, x.o.NameTh }).ToListAsync(cancellationToken);
        var shown = names.OrderBy(n => n.Province, DashboardQueries.ThaiOrder).ThenBy(n => n.NameTh, DashboardQueries.ThaiOrder)
            .Take(500).Select(n => n.Id).ToList();
        var rows = await query.Where(x => shown.Contains(x.o.Id))
            .Select(x => new OrganisationSummary(x.o.Id, x.o.Slug, x.o.DlaCode, x.o.NameTh, x.o.Type, x.p.NameTh, x.d.NameTh, x.o.Status,
                db.Memberships.Count(m => m.OrganisationId == x.o.Id && m.IsActive)))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return shown.Select(id => rows[id]).ToList();
    }

    /// <summary>The provinces in Thai dictionary order (เชียงราย under ช, as a Thai reader looks for it).</summary>
    public async Task<IReadOnlyList<Province>> ProvincesAsync(CancellationToken cancellationToken = default) =>
        (await db.Provinces.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(p => p.NameTh, DashboardQueries.ThaiOrder).ToList();
}
