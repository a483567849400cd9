using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using WiangHa.Platform.Infrastructure.Email;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Account;

/// <summary>Emails a reset link; answers the same whether or not the email has an account (no enumeration).</summary>
public sealed class ForgotPasswordModel(UserManager<PlatformUser> users, PlatformMailer mailer, PublicUrls urls) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            var token = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = $"{urls.Base(Request)}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&token={token}";
            await mailer.SendAsync(new EmailMessage(
                user.Email!,
                "ตั้งรหัสผ่านใหม่ WiangHa Platform",
                $"มีคำขอตั้งรหัสผ่านใหม่สำหรับบัญชีนี้\n\nเปิดลิงก์นี้เพื่อตั้งรหัสผ่านใหม่:\n{link}\n\nหากท่านไม่ได้ขอ ไม่ต้องดำเนินการใด ๆ รหัสผ่านเดิมยังใช้ได้"),
                cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
