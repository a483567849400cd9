using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Account;

public sealed class SignInModel(SignInManager<PlatformUser> signInManager) : PageModel
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

        var result = await signInManager.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account/select-tenant");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? Ui.T("บัญชีถูกล็อกชั่วคราวเนื่องจากใส่รหัสผ่านผิดหลายครั้ง กรุณาลองใหม่ในอีก 15 นาที", "Account locked after repeated failures; try again in 15 minutes.")
            : Ui.T("อีเมลหรือรหัสผ่านไม่ถูกต้อง", "Wrong email or password."));
        return Page();
    }
}
