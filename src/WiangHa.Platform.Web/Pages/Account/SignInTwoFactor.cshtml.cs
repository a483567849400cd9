using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Account;

/// <summary>Second step of sign-in: an authenticator code, or a one-time recovery code.</summary>
public sealed class SignInTwoFactorModel(SignInManager<PlatformUser> signInManager, AuditLog audit) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/account/sign-in");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), Ui.T("กรุณากรอกรหัสยืนยัน", "Enter the code"));
            return Page();
        }

        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signInManager.TwoFactorRecoveryCodeSignInAsync(Code!.Trim());
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, actorUserId: user.Id, actorName: user.Email, details: "{\"twoFactor\":true}");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account/select-tenant");
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, actorUserId: user.Id, actorName: user.Email, details: "{\"twoFactor\":true}");
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? Ui.T("บัญชีถูกล็อกชั่วคราว กรุณาลองใหม่ในอีก 15 นาที", "Account locked; try again in 15 minutes.")
            : Ui.T("รหัสยืนยันไม่ถูกต้องหรือหมดเวลาแล้ว", "Wrong or expired code."));
        return Page();
    }
}
