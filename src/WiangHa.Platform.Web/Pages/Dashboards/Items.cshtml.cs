using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Dashboards;

/// <summary>The heat map of ITA items × LAOs of a province: which items fail most, and where.</summary>
public sealed class ItemsModel(DashboardQueries dashboards) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public ProvinceDashboard Dashboard { get; private set; } = null!;

    /// <summary>Checked LAOs, the most failing first.</summary>
    public IReadOnlyList<LaoRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await dashboards.ProvinceAsync(User.DashboardScope(), Code, Year, cancellationToken) is not { } dashboard)
        {
            return NotFound();
        }

        Dashboard = dashboard;
        Rows = dashboard.Laos.Where(l => l.Standing is not null)
            .OrderByDescending(l => l.FailingItems.Count).ThenBy(l => l.Name, DashboardQueries.ThaiOrder).ToList();
        return Page();
    }

    public static string Cell(LaoRow row, string code) =>
        row.FailingItems.Contains(code, StringComparer.OrdinalIgnoreCase) ? "f" : row.WarningItems.Contains(code, StringComparer.OrdinalIgnoreCase) ? "w" : "p";
}
