using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>
/// How many LAOs a published version would be used for (hence the name: it counts other tenants' answers). The
/// checks evaluate every active LAO against the newest manual, and older years only for LAOs that answered them.
/// </summary>
public sealed class CrossTenantItaPublishImpact(PlatformDbContext db, ItaCatalogueQueries catalogues)
{
    public async Task<int> LaoCountAsync(ManualVersionView version, CancellationToken cancellationToken = default)
    {
        var types = version.Catalogue.AllItems().Any(i => i.AppliesTo.Count == 0)
            ? null
            : version.Catalogue.AllItems().SelectMany(i => i.AppliesTo).Distinct().ToList();
        var active = db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Active);
        if (types is not null)
        {
            active = active.Where(o => types.Contains(o.Type));
        }

        var newest = (await catalogues.PublishedYearsAsync(cancellationToken)).DefaultIfEmpty(0).First();
        if (version.Year >= newest)
        {
            return await active.CountAsync(cancellationToken);
        }

        var answered = db.ItemDisclosures.IgnoreQueryFilters().Where(d => d.AssessmentYear == version.Year).Select(d => d.TenantId);
        return await active.CountAsync(o => answered.Contains(o.Id), cancellationToken);
    }
}
