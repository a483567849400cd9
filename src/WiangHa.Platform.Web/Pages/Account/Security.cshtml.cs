using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Account;

/// <summary>TOTP enrolment with recovery codes, and sign-out everywhere.</summary>
[Authorize]
public sealed class SecurityModel(
    UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, AccessRevocation access, AuditLog audit) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool TwoFactorEnabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public string[]? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await CurrentUserAsync();
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        var valid = code.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), Ui.T("รหัสไม่ถูกต้อง กรุณากรอกรหัสล่าสุดจากแอป", "Wrong code; enter the current one from the app."));
            return await ShowAsync();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray();
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, actorUserId: user.Id, actorName: user.Email);
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await CurrentUserAsync();
        if (await RequiredForAsync(user))
        {
            ModelState.AddModelError(string.Empty, Ui.T("บทบาทของท่านต้องใช้การยืนยันตัวตนสองขั้นตอน จึงปิดไม่ได้", "Your role requires two-factor authentication."));
            return await ShowAsync(user);
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), Ui.T("กรุณากรอกรหัสปัจจุบันจากแอปเพื่อยืนยันการปิด", "Enter the current code from your app to turn it off."));
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, actorUserId: user.Id, actorName: user.Email);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        await access.EndAsync(user, cancellationToken);
        await audit.RecordAsync(AuditActions.SignedOutEverywhere, actorUserId: user.Id, actorName: user.Email, cancellationToken: cancellationToken);
        await signIn.SignOutAsync();
        TempData["Message"] = Ui.T("ออกจากระบบทุกอุปกรณ์แล้ว", "Signed out everywhere.");
        return Redirect("/account/sign-in");
    }

    private async Task<PlatformUser> CurrentUserAsync() => await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");

    private async Task<bool> RequiredForAsync(PlatformUser user) =>
        (await users.GetRolesAsync(user)).Any(TwoFactorPolicy.RolesThatRequireIt.Contains);

    private async Task<IActionResult> ShowAsync(PlatformUser? user = null)
    {
        user ??= await CurrentUserAsync();
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        Required = await RequiredForAsync(user);
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        if (!TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                // A new key is a new security stamp, which the cookie is checked against on the next request.
                await signIn.RefreshSignInAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }

            SharedKey = FormatKey(key!);
            var uri = $"otpauth://totp/{Uri.EscapeDataString("WiangHa:" + user.Email)}?secret={key}&issuer=WiangHa&digits=6";
            using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
            QrSvg = new SvgQRCode(qr).GetGraphic(4);
        }

        return Page();
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }
}
