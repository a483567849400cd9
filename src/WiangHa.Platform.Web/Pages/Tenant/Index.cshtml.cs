using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Web.Pages.Tenant;

/// <summary>
/// The LAO's home page, where its users land after signing in: its own standing in its province (rank among the LAOs
/// of its type and their average, nothing about any other LAO) and the way to its work.
/// </summary>
public sealed class IndexModel(IMultiTenantContextAccessor tenant, ItaCatalogueQueries catalogues, DashboardQueries dashboards) : TenantPageModel(tenant)
{
    /// <summary>The standing of the newest assessment year the LAO has one in; null before its first check.</summary>
    public OwnStanding? Standing { get; private set; }

    /// <summary>The ITA calendar's next step, as operators keep it.</summary>
    public (ItaDeadline Next, int Days) NextMilestone { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NextMilestone = await dashboards.NextMilestoneAsync(cancellationToken);
        foreach (var year in await catalogues.PublishedYearsAsync(cancellationToken))
        {
            if (await dashboards.OwnStandingAsync(Tenant.Id, year, cancellationToken) is { } standing)
            {
                Standing = standing;
                return;
            }
        }
    }
}
