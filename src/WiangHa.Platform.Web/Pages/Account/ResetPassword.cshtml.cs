using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Account;

public sealed class ResetPasswordModel(UserManager<PlatformUser> users, AccessRevocation access, SignInThrottle throttle, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email);
        string? token = null;
        try
        {
            token = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Token ?? ""));
        }
        catch (FormatException)
        {
        }

        var result = user is null || token is null
            ? IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken())
            : await users.ResetPasswordAsync(user, token, Password ?? "");
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, PasswordMessages.Thai(error));
            }

            return Page();
        }

        // Whoever held the old password may hold a session or a refresh token too: all of them end here.
        await access.EndAsync(user!, HttpContext.RequestAborted);
        // Holding the mailbox proves it is the account's owner: this address becomes known to the account, so a stranger's
        // failures elsewhere cannot keep the owner out (SignInThrottle).
        await throttle.RecordAsync(SignInThrottle.AccountKey(user!.Email!), SignInThrottle.ClientKey(HttpContext.Connection.RemoteIpAddress), succeeded: true, HttpContext.RequestAborted);
        await audit.RecordAsync(AuditActions.PasswordReset, actorUserId: user!.Id, actorName: user.Email);
        TempData["Message"] = Ui.T("ตั้งรหัสผ่านใหม่แล้ว กรุณาเข้าสู่ระบบ", "Password changed; please sign in.");
        return Redirect("/account/sign-in");
    }
}
