using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Organisations;

namespace WiangHa.Platform.Web.Pages.Account;

/// <summary>After sign-in: straight into the only organisation, or a choice among several.</summary>
public sealed class SelectTenantModel(MembershipQueries memberships) : PageModel
{
    public IReadOnlyList<MembershipView> Memberships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        Memberships = await memberships.ForUserAsync(userId, cancellationToken);
        var active = Memberships.Where(m => m.Status == OrganisationStatus.Active).ToList();
        return Memberships.Count == 1 && active.Count == 1 ? Redirect($"/t/{active[0].Slug}/measures") : Page();
    }
}
