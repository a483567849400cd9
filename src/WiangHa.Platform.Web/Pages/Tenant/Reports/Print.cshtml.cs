using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Reports;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Reports;

namespace WiangHa.Platform.Web.Pages.Tenant.Reports;

/// <summary>The printable A4 page of one document (viewers may print).</summary>
public sealed class PrintModel(IMultiTenantContextAccessor tenant, ReportBuilder builder, ReportSettingsQueries settings) : TenantPageModel(tenant)
{
    public ReportDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, string kind, CancellationToken cancellationToken)
    {
        if (!FiscalYear.IsPlausible(year) || ReportKinds.Parse(kind) is not { } reportKind)
        {
            return NotFound();
        }

        var options = ReportSettingsQueries.OptionsOf(await settings.PublicationAsync(year, cancellationToken));
        var document = await builder.BuildAsync(reportKind, year, options, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        Document = document;
        return Page();
    }
}
