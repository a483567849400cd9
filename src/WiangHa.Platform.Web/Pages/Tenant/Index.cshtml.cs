using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Home;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Web.Pages.Tenant;

/// <summary>
/// The LAO's home page, where its users land after signing in: what to do now for the assessment year the clock is in
/// (next deadline, projected score or why there is none, items to fix first, this fiscal year's measures, documents
/// still to produce, each a link to where it is fixed), and the LAO's own standing in its province.
/// </summary>
public sealed class IndexModel(IMultiTenantContextAccessor tenant, ClerkAgendaQueries agendas, ItaCatalogueQueries catalogues, DashboardQueries dashboards)
    : TenantPageModel(tenant)
{
    public ClerkAgenda Agenda { get; private set; } = null!;

    /// <summary>The standing of the newest assessment year the LAO has one in; null before its first check.</summary>
    public OwnStanding? Standing { get; private set; }

    /// <summary>False when the standing's year has a manual with unknown items: its score covers the known items only.</summary>
    public bool StandingIsProjection { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agenda = await agendas.AgendaAsync(cancellationToken);
        foreach (var year in await catalogues.PublishedYearsAsync(cancellationToken))
        {
            if (await dashboards.OwnStandingAsync(Tenant.Id, year, cancellationToken) is { } standing)
            {
                Standing = standing;
                StandingIsProjection = (await catalogues.PublishedAsync(year, cancellationToken))?.Catalogue.IsComplete() ?? false;
                return;
            }
        }
    }
}
