using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Geography;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator;

/// <summary>Operators invite other operators and supervisors (provincial ones with their provinces).</summary>
public sealed class PeopleModel(InvitePlatformUserHandler invite, OrganisationQueries organisations, PublicUrls urls) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string Role { get; set; } = PlatformRoles.ProvincialSupervisor;

    [BindProperty]
    public List<string> ProvinceCodes { get; set; } = [];

    public IReadOnlyList<Province> Provinces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Provinces = await organisations.ProvincesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new InvitePlatformUserInput(Email, Role, ProvinceCodes);
        var result = await invite.HandleAsync(input, Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), urls.Base(Request), cancellationToken);
        if (result is CommandResult.Invalid invalid)
        {
            // The input's properties are named as this form's fields.
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }

            await OnGetAsync(cancellationToken);
            return Page();
        }

        var email = input.Normalised().Email;
        TempData["Message"] = Ui.T($"ส่งคำเชิญไปที่ {email} แล้ว", $"Invitation sent to {email}.");
        return Redirect("/operator/people");
    }
}
