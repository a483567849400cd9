using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WiangHa.Platform.TestSupport;

namespace WiangHa.Platform.E2E;

[Collection(BrowserCollection.Name)]
public sealed class InvitationJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task Admin_invites_a_clerk_who_accepts_from_the_email_enrols_two_factor_and_signs_in()
    {
        var email = $"new.clerk.{Guid.NewGuid():N}@wiangha.test";
        var admin = await fixture.NewPageAsync();
        await admin.GotoAsync("/account/sign-in");
        await admin.GetByLabel("อีเมล").FillAsync("admin@wiangha.demo");
        await admin.GetByLabel("รหัสผ่าน").FillAsync("Demo-WiangHa-2569");
        await admin.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await admin.WaitForURLAsync("**/t/wiangha");
        await admin.Locator("[data-testid=nav-admin]").ClickAsync(); // the admin screens sit in one menu
        await admin.GetByRole(AriaRole.Link, new() { Name = "ผู้ใช้งาน" }).ClickAsync();
        await admin.Locator("[data-testid=invite-email]").FillAsync(email);
        await admin.Locator("[data-testid=invite-role]").SelectOptionAsync("Editor");
        await admin.Locator("[data-testid=send-invitation]").ClickAsync();
        (await admin.Locator("[data-testid=flash]").TextContentAsync())!.ShouldContain(email);

        var mail = await fixture.Platform.Smtp.WaitForMessageToAsync(email);
        mail.Subject!.ShouldContain("องค์การบริหารส่วนตำบลเวียงห้า");
        var link = new Uri(TestSmtpServer.FirstLink(mail));

        var clerk = await fixture.NewPageAsync();
        await clerk.GotoAsync(link.PathAndQuery);
        (await clerk.Locator("[data-testid=invited-email]").TextContentAsync()).ShouldBe(email);
        await clerk.GetByLabel("ชื่อ-นามสกุล").FillAsync("นายใหม่ ใจซื่อ");
        await clerk.Locator("#Password").FillAsync("Clerk-Pass-2569!");
        await clerk.Locator("[data-testid=accept-invitation]").ClickAsync();

        await clerk.WaitForURLAsync("**/account/security");
        var key = (await clerk.Locator("[data-testid=shared-key]").TextContentAsync())!;
        await clerk.Locator("[data-testid='2fa-code']").FillAsync(Authenticator.Code(key));
        await clerk.Locator("[data-testid='2fa-enable']").ClickAsync();
        (await clerk.Locator("[data-testid=recovery-codes]").TextContentAsync())!.ShouldContain("รหัสกู้คืน");
        await clerk.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "two-factor-enrolled.png"), FullPage = true });

        await clerk.Locator("[data-testid=user-menu]").ClickAsync();
        await clerk.Locator("[data-testid=sign-out]").ClickAsync();
        await clerk.WaitForURLAsync("**/account/sign-in");
        await clerk.GetByLabel("อีเมล").FillAsync(email);
        await clerk.GetByLabel("รหัสผ่าน").FillAsync("Clerk-Pass-2569!");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await clerk.WaitForURLAsync(new Regex("/account/sign-in-2fa"));
        await clerk.GetByLabel("รหัสยืนยัน").FillAsync(Authenticator.Code(key, stepsAhead: 1));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "ยืนยัน" }).ClickAsync();

        await clerk.WaitForURLAsync("**/t/wiangha");
        await clerk.GotoAsync("/t/wiangha/measures");
        (await clerk.Locator("[data-testid=user-name]").TextContentAsync()).ShouldBe("นายใหม่ ใจซื่อ");
        (await clerk.Locator("[data-testid=new-measure]").CountAsync()).ShouldBe(1, "an editor may add measures");
    }
}
