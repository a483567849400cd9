using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Notifications;

/// <summary>The signed-in user's own alert preferences (email on or off, language); the user comes from the cookie.</summary>
[Authorize]
public sealed class PreferencesModel(AlertPreferencesQueries queries, SaveAlertPreferencesHandler save) : PageModel
{
    public AlertPreferencesView Preferences { get; private set; } = null!;

    public bool Saved { get; private set; }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(bool emailsOn, string? language, CancellationToken cancellationToken)
    {
        var result = await save.HandleAsync(UserId, new AlertPreferencesInput(emailsOn, language ?? ""), cancellationToken);
        if (result is CommandResult.Invalid invalid)
        {
            ModelState.AddErrors(invalid);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        return result is CommandResult.Success ? RedirectToPage(new { saved = true }) : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken) =>
        (Preferences = (await queries.ForUserAsync(UserId, cancellationToken))!) is not null;
}
