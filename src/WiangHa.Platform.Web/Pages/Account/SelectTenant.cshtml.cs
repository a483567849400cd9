using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Account;

/// <summary>After sign-in: straight to the only organisation's home page, or a choice among several.</summary>
public sealed class SelectTenantModel(CrossTenantMemberships memberships) : PageModel
{
    public IReadOnlyList<MembershipView> Memberships { get; private set; } = [];

    /// <summary>Also a supervisor: the page links to the dashboards.</summary>
    public bool IsSupervisor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        Memberships = (await memberships.ForUserAsync(userId, cancellationToken)).OrderBy(m => m.NameTh, WiangHa.Platform.Infrastructure.Dashboards.DashboardQueries.ThaiOrder).ToList();
        // Supervisors work from the dashboards, which list every LAO of their provinces (also those not onboarded).
        if (Memberships.Count == 0 && User.IsSupervisor() && !User.IsInRole(PlatformRoles.Operator))
        {
            return Redirect(Dashboards.IndexModel.LandingFor(User.DashboardScope()));
        }

        IsSupervisor = User.IsSupervisor() && !User.IsInRole(PlatformRoles.Operator);
        if (Memberships.Count == 0 && User.IsInRole(PlatformRoles.Operator))
        {
            return Redirect("/operator");
        }

        var active = Memberships.Where(m => m.Status == OrganisationStatus.Active).ToList();
        return Memberships.Count == 1 && active.Count == 1 && !IsSupervisor ? Redirect($"/t/{active[0].Slug}") : Page();
    }
}
