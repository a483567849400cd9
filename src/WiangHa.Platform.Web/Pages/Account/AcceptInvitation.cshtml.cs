using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Account;

/// <summary>Redeems an emailed one-time invitation link: sets the password (new account) and signs in.</summary>
public sealed class AcceptInvitationModel(InvitationService invitations, UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn) : PageModel
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
        var (user, created, errors) = await invitations.AcceptAsync(Token ?? "", DisplayName, Password, cancellationToken);
        if (user is null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            await LoadAsync(cancellationToken);
            if (Problem is null && errors.Count > 0 && errors[0] == InvitationService.ProblemMessage(InvitationProblem.AlreadyUsed))
            {
                Problem = errors[0];
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
            Problem = InvitationService.ProblemMessage(problem);
            return;
        }

        Email = invitation!.Email;
        ExistingAccount = await users.FindByEmailAsync(invitation.Email) is not null;
    }
}
