using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<PlatformUser> signInManager, AccessRevocation access) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await SignOutEverywhere.EndAsync(User, signInManager, access, cancellationToken);
        TempData["Message"] = Ui.T("ออกจากระบบแล้ว", "Signed out.");
        return Redirect("/account/sign-in");
    }
}
