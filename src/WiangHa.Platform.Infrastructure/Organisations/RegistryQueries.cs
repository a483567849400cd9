using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Organisations;

/// <summary>One entry of the DLA registry as an operator picks it: code, full name, type and where it is.</summary>
public sealed record RegistryEntryView(
    string DlaCode, string NameTh, OrganisationType Type, string ProvinceCode, string ProvinceNameTh, string DistrictCode, string DistrictNameTh)
{
    /// <summary>"องค์การบริหารส่วนตำบลเวียงห้าว": what the LAO is called unless it spells itself differently.</summary>
    public string FullName => Type.Thai() + NameTh;

    public string ShortName => Type.ShortName(NameTh);
}

/// <summary>The DLA registry (reference data) as operators onboard from it.</summary>
public sealed class RegistryQueries(PlatformDbContext db)
{
    /// <summary>
    /// The province's entries that no organisation was onboarded from yet (a suspended one counts as onboarded), in
    /// Thai order of district then name; <paramref name="search"/> narrows them by name, district or DLA code.
    /// </summary>
    public async Task<IReadOnlyList<RegistryEntryView>> NotOnboardedAsync(string? provinceCode, string? search, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(provinceCode))
        {
            return [];
        }

        // At most a few hundred per province (Nakhon Ratchasima has 334), so the Thai ordering and the search over
        // the composed names run in memory.
        var entries = await Views(db.RegisteredLaos.Where(r => r.ProvinceCode == provinceCode && !db.Organisations.Any(o => o.DlaCode == r.DlaCode)))
            .ToListAsync(cancellationToken);
        var term = search?.Trim();
        return entries
            .Where(e => string.IsNullOrEmpty(term) || e.DlaCode.StartsWith(term, StringComparison.Ordinal)
                || e.FullName.Contains(term, StringComparison.Ordinal) || e.ShortName.Contains(term, StringComparison.Ordinal)
                || e.DistrictNameTh.Contains(term, StringComparison.Ordinal))
            .OrderBy(e => e.DistrictNameTh, DashboardQueries.ThaiOrder).ThenBy(e => e.NameTh, DashboardQueries.ThaiOrder).ThenBy(e => e.DlaCode, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<RegistryEntryView?> FindAsync(string? dlaCode, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(dlaCode) ? null : await Views(db.RegisteredLaos.Where(r => r.DlaCode == dlaCode)).SingleOrDefaultAsync(cancellationToken);

    private IQueryable<RegistryEntryView> Views(IQueryable<RegisteredLao> entries) =>
        from r in entries.AsNoTracking()
        join p in db.Provinces on r.ProvinceCode equals p.Code
        join d in db.Districts on r.DistrictCode equals d.Code
        select new RegistryEntryView(r.DlaCode, r.NameTh, r.Type, r.ProvinceCode, p.NameTh, r.DistrictCode, d.NameTh);
}
