using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using WiangHa.Platform.Infrastructure.Email;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// Composes a queued reset request when it is sent (so the link's two hours start then): the account of the address
/// typed, a fresh reset token, the link. Null when the address has no account: the row is dropped and nothing is sent.
/// </summary>
public sealed class PasswordResetMail(UserManager<PlatformUser> users)
{
    public async Task<EmailMessage?> ComposeAsync(OutgoingMail request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var user = await users.FindByEmailAsync(request.To);
        if (user?.Email is null)
        {
            return null;
        }

        var token = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = $"{request.LinkBase?.TrimEnd('/')}/account/reset-password?email={Uri.EscapeDataString(user.Email)}&token={token}";
        return new EmailMessage(
            user.Email,
            "ตั้งรหัสผ่านใหม่ WiangHa Platform",
            $"มีคำขอตั้งรหัสผ่านใหม่สำหรับบัญชีนี้\n\nเปิดลิงก์นี้เพื่อตั้งรหัสผ่านใหม่ (ใช้ได้ภายใน 2 ชั่วโมง):\n{link}\n\nหากท่านไม่ได้ขอ ไม่ต้องดำเนินการใด ๆ รหัสผ่านเดิมยังใช้ได้",
            MessageId: $"{request.Id:N}@mail.wiangha");
    }
}
