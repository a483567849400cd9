using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Geography;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator;

/// <summary>Operators invite other operators and supervisors (provincial ones with their provinces).</summary>
public sealed class PeopleModel(InvitationService invitations, PlatformDbContext db, PublicUrls urls) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string Role { get; set; } = PlatformRoles.ProvincialSupervisor;

    [BindProperty]
    public List<string> ProvinceCodes { get; set; } = [];

    public IReadOnlyList<Province> Provinces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Provinces = await db.Provinces.OrderBy(p => p.NameTh).ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            ModelState.AddModelError(nameof(Email), Ui.T("กรุณากรอกอีเมลให้ถูกต้อง", "Enter a valid email"));
        }

        if (!PlatformRoles.All.Contains(Role))
        {
            ModelState.AddModelError(nameof(Role), Ui.T("บทบาทไม่ถูกต้อง", "Unknown role"));
        }

        var known = await db.Provinces.Where(p => ProvinceCodes.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken);
        if (Role == PlatformRoles.ProvincialSupervisor && (known.Count == 0 || known.Count != ProvinceCodes.Distinct().Count()))
        {
            ModelState.AddModelError(nameof(ProvinceCodes), Ui.T("ผู้กำกับดูแลระดับจังหวัดต้องมีจังหวัดอย่างน้อย 1 จังหวัด", "Choose at least one province"));
        }

        if (!ModelState.IsValid)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        await invitations.InviteToPlatformAsync(email!, Role, Role == PlatformRoles.ProvincialSupervisor ? known : [],
            Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), urls.Base(Request), cancellationToken);
        TempData["Message"] = Ui.T($"ส่งคำเชิญไปที่ {email} แล้ว", $"Invitation sent to {email}.");
        return Redirect("/operator/people");
    }
}
