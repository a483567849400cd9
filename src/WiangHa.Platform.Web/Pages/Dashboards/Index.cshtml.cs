using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Web.Dashboards;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Dashboards;

/// <summary>
/// The national dashboard: the provinces ranked, on a map. Every supervisor may compare provinces (figures per
/// province only); a provincial supervisor opens only their own provinces' pages.
/// </summary>
public sealed class IndexModel(DashboardQueries dashboards) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public NationalDashboard Dashboard { get; private set; } = null!;
    public TrendChart Trend { get; private set; } = null!;
    public SupervisorScope Scope { get; private set; } = SupervisorScope.Nobody;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Scope = User.DashboardScope();
        Dashboard = await dashboards.NationalAsync(Year, cancellationToken);
        Trend = TrendChart.For((await dashboards.TrendAsync(Scope, null, Dashboard.Year, cancellationToken))!);
    }

    /// <summary>Provincial supervisors land on their province; everyone else on the national page.</summary>
    public static string LandingFor(SupervisorScope scope) =>
        !scope.IsNational && scope.Provinces.Count == 1 ? $"/dashboards/provinces/{scope.Provinces.First()}" : "/dashboards";
}
