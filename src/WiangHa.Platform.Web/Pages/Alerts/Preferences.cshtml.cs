using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Alerts;

/// <summary>
/// The page behind the link in every alert email: no sign-in, the token names the user (<see cref="AlertPreferenceLinks"/>).
/// Opening it changes nothing (mail scanners open links); one click on "stop" does.
/// </summary>
public sealed class PreferencesModel(IDataProtectionProvider protection, TimeProvider clock, AlertPreferencesQueries queries, SaveAlertPreferencesHandler save) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public AlertPreferencesView? Preferences { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(bool emailsOn, string? language, CancellationToken cancellationToken) =>
        await SaveAsync(current => new AlertPreferencesInput(emailsOn, language ?? ""), cancellationToken);

    public async Task<IActionResult> OnPostStopEmailsAsync(CancellationToken cancellationToken) =>
        await SaveAsync(current => new AlertPreferencesInput(EmailsOn: false, current.Language), cancellationToken);

    private async Task<IActionResult> SaveAsync(Func<AlertPreferencesView, AlertPreferencesInput> input, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var result = await save.HandleAsync(Preferences!.UserId, input(Preferences), cancellationToken);
        if (result is CommandResult.Invalid invalid)
        {
            ModelState.AddErrors(invalid);
            return Page();
        }

        return RedirectToPage(new { token = Token, saved = true });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Preferences = AlertPreferenceLinks.UserFrom(protection, clock, Token) is { } user ? await queries.ForUserAsync(user, cancellationToken) : null;
        return Preferences is not null;
    }
}
