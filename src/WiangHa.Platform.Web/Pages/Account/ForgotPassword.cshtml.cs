using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Account;

/// <summary>
/// Queues a reset link; answers the same whether or not the email has an account and whether or not the address's hourly
/// cap was reached (no enumeration). The mail leaves from the queue, after the answer (<see cref="RequestPasswordResetHandler"/>).
/// </summary>
public sealed class ForgotPasswordModel(RequestPasswordResetHandler handler, PublicUrls urls) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RequestPasswordResetInput(Email), urls.Base(Request), cancellationToken);
        if (result is CommandResult.Invalid invalid)
        {
            ModelState.AddErrors(invalid);
            return Page();
        }

        Sent = true;
        return Page();
    }
}
