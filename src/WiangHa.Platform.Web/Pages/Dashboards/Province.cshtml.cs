using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Web.Dashboards;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Dashboards;

/// <summary>
/// A province's LAOs for its supervisor: who is ready, who is at risk and why, grouped by district. Filters and sort
/// are query parameters (a plain GET form), so a filtered view can be bookmarked or sent in LINE.
/// </summary>
public sealed class ProvinceModel(DashboardQueries dashboards) : PageModel
{
    public const string SortByDistrict = "district";

    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public OrganisationType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public Readiness? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Chase { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = SortByDistrict;

    public ProvinceDashboard Dashboard { get; private set; } = null!;
    public IReadOnlyList<LaoRow> Rows { get; private set; } = [];
    public TrendChart Trend { get; private set; } = null!;

    public static readonly IReadOnlyList<(string Key, string Th, string En)> Sorts =
    [
        (SortByDistrict, "อำเภอ แล้วชื่อ", "District, then name"),
        ("score", "คะแนนต่ำไปสูง", "Score, lowest first"),
        ("-score", "คะแนนสูงไปต่ำ", "Score, highest first"),
        ("name", "ชื่อ (ก–ฮ)", "Name (Thai order)"),
        ("activity", "แก้ไขล่าสุดนานที่สุดก่อน", "Least recently active first"),
    ];

    public bool Grouped => Sort == SortByDistrict;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = User.DashboardScope();
        if (await dashboards.ProvinceAsync(scope, Code, Year, cancellationToken) is not { } dashboard)
        {
            return NotFound();
        }

        Dashboard = dashboard;
        Rows = Order(Filter(dashboard.Laos)).ToList();
        Trend = TrendChart.For((await dashboards.TrendAsync(scope, Code, dashboard.Year, cancellationToken))!);
        return Page();
    }

    private IEnumerable<LaoRow> Filter(IEnumerable<LaoRow> rows)
    {
        if (Type is { } type) { rows = rows.Where(r => r.Type == type); }
        if (!string.IsNullOrEmpty(District)) { rows = rows.Where(r => r.DistrictCode == District); }
        if (Status is { } status) { rows = rows.Where(r => r.Readiness == status); }
        if (Chase) { rows = rows.Where(r => r.NeedsChasing); }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            rows = rows.Where(r => r.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase) || r.DlaCode == q);
        }

        return rows;
    }

    private IEnumerable<LaoRow> Order(IEnumerable<LaoRow> rows) => Sort switch
    {
        "score" => rows.OrderBy(r => r.Standing is null).ThenBy(r => r.Standing?.Score).ThenBy(r => r.Name, DashboardQueries.ThaiOrder),
        "-score" => rows.OrderBy(r => r.Standing is null).ThenByDescending(r => r.Standing?.Score).ThenBy(r => r.Name, DashboardQueries.ThaiOrder),
        "name" => rows.OrderBy(r => r.Name, DashboardQueries.ThaiOrder),
        "activity" => rows.OrderBy(r => r.IsOnboarded ? 0 : 1).ThenBy(r => r.Standing?.LastActivityAt ?? DateTimeOffset.MinValue),
        _ => rows,
    };

    /// <summary>This page's link with one parameter changed (keeps the other filters).</summary>
    public string With(string key, string? value)
    {
        var query = new Dictionary<string, string?>
        {
            ["year"] = Dashboard.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["type"] = Type?.ToString(), ["district"] = District,
            ["status"] = Status?.ToString(), ["chase"] = Chase ? "true" : null, ["q"] = Q, ["sort"] = Sort == SortByDistrict ? null : Sort,
        };
        query[key] = value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/dashboards/provinces/{Code}", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
