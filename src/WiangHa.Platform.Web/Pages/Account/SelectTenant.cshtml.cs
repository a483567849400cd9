using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Account;

/// <summary>After sign-in: straight to the only organisation's home page, or a choice among several.</summary>
public sealed class SelectTenantModel(CrossTenantMemberships memberships, OrganisationQueries organisations) : PageModel
{
    public IReadOnlyList<MembershipView> Memberships { get; private set; } = [];

    /// <summary>LAOs a supervisor reads (their provinces, or all for national supervisors).</summary>
    public IReadOnlyList<OrganisationSummary> Supervised { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        Memberships = await memberships.ForUserAsync(userId, cancellationToken);
        if (User.IsInRole(PlatformRoles.NationalSupervisor))
        {
            Supervised = await organisations.ListAsync(cancellationToken: cancellationToken);
        }
        else if (User.IsInRole(PlatformRoles.ProvincialSupervisor))
        {
            var all = new List<OrganisationSummary>();
            foreach (var province in User.FindAll(MembershipClaims.ProvinceClaimType).Select(c => c.Value))
            {
                all.AddRange(await organisations.ListAsync(provinceCode: province, cancellationToken: cancellationToken));
            }

            Supervised = all;
        }

        if (Memberships.Count == 0 && Supervised.Count == 0 && User.IsInRole(PlatformRoles.Operator))
        {
            return Redirect("/operator");
        }

        var active = Memberships.Where(m => m.Status == OrganisationStatus.Active).ToList();
        return Memberships.Count == 1 && active.Count == 1 && Supervised.Count == 0 ? Redirect($"/t/{active[0].Slug}") : Page();
    }
}
