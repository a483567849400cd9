using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Reports;

namespace WiangHa.Platform.Web.Pages.Public;

/// <summary>
/// The public, read-only page of an LAO's published documents for a year (<c>/p/{slug}/{year}</c>): the stable URL
/// the LAO links from its website and gives in ITAS. Not under <c>/t/</c>: no sign-in, no tenant resolution.
/// </summary>
[AllowAnonymous]
public sealed class ReportModel(CrossTenantPublicReports reports, LibreOfficePdfRenderer pdf) : PageModel
{
    /// <summary>True where the server can render the PDF (LibreOffice installed); otherwise no PDF link is shown.</summary>
    public bool PdfAvailable => pdf.IsAvailable;

    public PublicReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int year, CancellationToken cancellationToken)
    {
        if (!FiscalYear.IsPlausible(year) || await reports.FindAsync(slug, year, cancellationToken) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
