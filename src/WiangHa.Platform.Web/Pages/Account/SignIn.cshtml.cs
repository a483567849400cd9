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

/// <summary>
/// The sign-in form. Every failure, for an unknown address, a wrong password or a refused (throttled) client alike, gets
/// the same page after the same work (<see cref="PasswordSignIn"/>), so the form tells nobody which addresses have an
/// account or are locked.
/// </summary>
public sealed class SignInModel(
    PasswordSignIn passwordSignIn, SignInManager<PlatformUser> signInManager, UserManager<PlatformUser> users, CrossTenantMemberships memberships, AuditLog audit) : PageModel
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
        var outcome = await passwordSignIn.SignInAsync(email, Password!, HttpContext.Connection.RemoteIpAddress, HttpContext.RequestAborted);
        var result = outcome.Result;
        // Only someone who knows the password learns that the organisation is suspended.
        if (outcome.User is { } user && await OnlySuspendedOrganisationsAsync(user))
        {
            await signInManager.SignOutAsync();
            await audit.RecordAsync(AuditActions.SignInRefusedSuspended, actorUserId: user.Id, actorName: email);
            ModelState.AddModelError(string.Empty, Ui.T(
                "หน่วยงานของท่านถูกระงับการใช้งานชั่วคราว จึงยังเข้าสู่ระบบไม่ได้ ข้อมูลทั้งหมดยังเก็บไว้ครบถ้วน กรุณาติดต่อผู้ดูแลระบบ",
                "Your organisation is suspended; its data is kept. Contact the platform operators."));
            return Page();
        }

        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.SignInSucceeded, actorUserId: outcome.User!.Id, actorName: email);
            return LocalRedirect(SafeReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { returnUrl = SafeReturnUrl });
        }

        // The trail keeps who was refused (and the account, when there is one); the page says the same to everyone.
        await audit.RecordAsync(result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInFailed, actorUserId: outcome.AccountId, actorName: email);
        ModelState.AddModelError(string.Empty, FailedMessage);
        return Page();
    }

    /// <summary>One message for every failure: wrong address, wrong password, or a client refused after repeated failures.</summary>
    public static string FailedMessage => Ui.T(
        "อีเมลหรือรหัสผ่านไม่ถูกต้อง หากลองผิดหลายครั้ง กรุณารอ 15 นาทีแล้วลองใหม่ หรือกด \"ลืมรหัสผ่าน\"",
        "Wrong email or password. After repeated failures, wait 15 minutes or reset your password.");

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
