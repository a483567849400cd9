using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Account;

/// <summary>Redeems an emailed one-time invitation link: sets the password (new account) and signs in.</summary>
public sealed class AcceptInvitationModel(
    AcceptInvitationHandler accept, InvitationQueries invitations, UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Problem { get; private set; }
    public string? Email { get; private set; }
    public bool ExistingAccount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await accept.HandleAsync(new AcceptInvitationInput(Token ?? "", DisplayName, Password), cancellationToken);
        if (result is not InvitationAccepted (var user, var created))
        {
            var errors = result is CommandResult.Invalid invalid ? invalid.Errors : new Dictionary<string, string[]>();
            foreach (var (field, messages) in errors)
            {
                // The token is no field of the form: its problem is the page's.
                var key = field == nameof(AcceptInvitationInput.Token) ? string.Empty : field;
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }

            await LoadAsync(cancellationToken);
            // Read again, a link that lost a race with another submit can still look usable: say why this one failed.
            if (Problem is null && errors.TryGetValue(nameof(AcceptInvitationInput.Token), out var problem))
            {
                Problem = problem[0];
            }

            return Page();
        }

        await signIn.SignOutAsync();
        if (!created)
        {
            // An existing account proves itself with its own password (and TOTP): an emailed link never signs it in.
            TempData["Message"] = Ui.T("เพิ่มหน่วยงานให้บัญชีของท่านแล้ว กรุณาเข้าสู่ระบบ", "The organisation was added to your account; please sign in.");
            return Redirect("/account/sign-in");
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Message"] = Ui.T("ยินดีต้อนรับ แนะนำให้เปิดการยืนยันตัวตนสองขั้นตอนเพื่อความปลอดภัยของบัญชี", "Welcome. We recommend turning on two-factor authentication.");
        return Redirect("/account/security");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (invitation, problem) = await invitations.FindAsync(Token, cancellationToken);
        if (problem != InvitationProblem.None)
        {
            Problem = InvitationQueries.ProblemMessage(problem);
            return;
        }

        Email = invitation!.Email;
        ExistingAccount = await users.FindByEmailAsync(invitation.Email) is not null;
    }
}
