using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Reports;

public sealed record PublicReport(string OrganisationName, string Slug, int FiscalYear, ReportPublication Publication, IReadOnlyList<ReportDocument> Documents);

/// <summary>
/// The public, sign-in-free read of what an LAO chose to publish (<c>/p/{slug}/{fiscalYear}</c>). The one place that
/// reads across tenants: it finds the publication without a tenant in effect, and only when it is published does it
/// build the chosen documents inside that tenant's scope (so every other read stays under the tenant filter).
/// </summary>
public sealed class CrossTenantPublicReports(PlatformDbContext db, TenantScope tenantScope, ReportBuilder builder)
{
    public async Task<PublicReport?> FindAsync(string slug, int fiscalYear, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 63)
        {
            return null;
        }

        var lowered = slug.ToLowerInvariant();
        var organisation = await db.Organisations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Slug == lowered && o.Status == OrganisationStatus.Active, cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var publication = await db.ReportPublications.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).AsNoTracking()
            .SingleOrDefaultAsync(p => p.TenantId == organisation.Id && p.FiscalYear == fiscalYear && p.IsPublished, cancellationToken);
        if (publication is null)
        {
            return null;
        }

        var options = ReportSettingsQueries.OptionsOf(publication);
        var documents = new List<ReportDocument>();
        using (tenantScope.Enter(TenantInfo.From(organisation)))
        {
            foreach (var kind in Published(publication))
            {
                if (await builder.BuildAsync(kind, fiscalYear, options, cancellationToken) is { } document)
                {
                    documents.Add(document);
                }
            }
        }

        return new PublicReport(organisation.NameTh, organisation.Slug, fiscalYear, publication, documents);
    }

    private static IEnumerable<ReportKind> Published(ReportPublication publication)
    {
        if (publication.PublishResults)
        {
            yield return ReportKind.Results;
        }

        if (publication.PublishMeasures)
        {
            yield return ReportKind.Measures;
        }
    }
}
