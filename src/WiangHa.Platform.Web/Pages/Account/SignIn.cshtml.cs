using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Account;

public sealed class SignInModel(SignInManager<PlatformUser> signInManager, UserManager<PlatformUser> users, CrossTenantMemberships memberships, AuditLog audit) : PageModel
{
    [BindProperty]
    [DataType(DataType.EmailAddress)]
    public string? Email { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), Ui.T("กรุณากรอกอีเมล", "Enter your email"));
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), Ui.T("กรุณากรอกรหัสผ่าน", "Enter your password"));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Email!.Trim();
        var user = await users.FindByEmailAsync(email);
        var result = await signInManager.PasswordSignInAsync(email, Password!, isPersistent: false, lockoutOnFailure: true);
        // Only someone who knows the password learns that the organisation is suspended.
        if ((result.Succeeded || result.RequiresTwoFactor) && await OnlySuspendedOrganisationsAsync(user!))
        {
            await signInManager.SignOutAsync();
            await audit.RecordAsync(AuditActions.SignInRefusedSuspended, actorUserId: user!.Id, actorName: email);
            ModelState.AddModelError(string.Empty, Ui.T(
                "หน่วยงานของท่านถูกระงับการใช้งานชั่วคราว จึงยังเข้าสู่ระบบไม่ได้ ข้อมูลทั้งหมดยังเก็บไว้ครบถ้วน กรุณาติดต่อผู้ดูแลระบบ",
                "Your organisation is suspended; its data is kept. Contact the platform operators."));
            return Page();
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, actorUserId: user!.Id, actorName: email);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = SafeReturnUrl });
        }

        await audit.RecordAsync(result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, actorUserId: user?.Id, actorName: email);
        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? Ui.T("บัญชีถูกล็อกชั่วคราวเนื่องจากใส่รหัสผ่านผิดหลายครั้ง กรุณาลองใหม่ในอีก 15 นาที หรือกด \"ลืมรหัสผ่าน\"", "Account locked after repeated failures; try again in 15 minutes or reset your password.")
            : Ui.T("อีเมลหรือรหัสผ่านไม่ถูกต้อง", "Wrong email or password."));
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account/select-tenant";

    /// <summary>A user whose every LAO is suspended, and who has no platform role, may not sign in (their data is kept).</summary>
    private async Task<bool> OnlySuspendedOrganisationsAsync(PlatformUser user)
    {
        if ((await users.GetRolesAsync(user)).Count > 0)
        {
            return false;
        }

        return CrossTenantMemberships.OnlySuspended(await memberships.ActiveForUserAsync(user.Id));
    }
}
