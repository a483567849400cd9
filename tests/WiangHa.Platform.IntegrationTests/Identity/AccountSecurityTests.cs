using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.TestSupport;

namespace WiangHa.Platform.IntegrationTests.Identity;

/// <summary>Lockout, TOTP two-factor, invitations, password reset and sign-in refusals, with mail through real SMTP.</summary>
public sealed class AccountSecurityTests(SmtpPlatformFactory factory) : IClassFixture<SmtpPlatformFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_refuse_that_client_even_the_right_one_and_say_only_wrong_email_or_password()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = BrowserlessClient.Anonymous(factory);
        for (var i = 0; i < 5; i++)
        {
            (await SignInBody(client, tenant.Editor.Email, "wrong-password-" + i)).ShouldContain("อีเมลหรือรหัสผ่านไม่ถูกต้อง", Case.Sensitive);
        }

        var locked = await SignInBody(client, tenant.Editor.Email, TestData.Password);

        locked.ShouldContain("อีเมลหรือรหัสผ่านไม่ถูกต้อง", Case.Sensitive, "a refusal reads like a wrong password: nobody learns the account exists or is locked");
        locked.ShouldNotContain("ล็อก");
        (await AuditActionsFor(tenant.Editor.Email)).ShouldContain(AuditActions.SignInLockedOut);
    }

    [Fact]
    public async Task Staff_enrol_totp_then_sign_in_with_a_code_and_with_a_recovery_code()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var security = await client.GetPageAsync("/account/security");
        var key = security.QuerySelector("[data-testid=shared-key]")!.TextContent;
        security.QuerySelector("svg").ShouldNotBeNull("the QR code for the phone");

        var wrong = await client.PostFormAsync("/account/security?handler=Enable", [new("Code", "000000")], "/account/security");
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("รหัสไม่ถูกต้อง");
        var enabled = await client.PostFormAsync("/account/security?handler=Enable", [new("Code", Authenticator.Code(key))], "/account/security");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await enabled.Content.ReadAsStringAsync());
        var recoveryCodes = page.QuerySelector("[data-testid=recovery-codes] code")!.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        recoveryCodes.Length.ShouldBe(10);

        // A new browser: password alone is not enough any more.
        var fresh = BrowserlessClient.Anonymous(factory);
        var first = await fresh.PostFormAsync("/account/sign-in", [new("Email", tenant.Editor.Email), new("Password", TestData.Password)]);
        first.Headers.Location!.ToString().ShouldContain("/account/sign-in-2fa");
        (await fresh.Http.GetAsync($"/t/{tenant.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var withCode = await fresh.PostFormAsync("/account/sign-in-2fa", [new("Code", Authenticator.Code(key, stepsAhead: 1))]);
        withCode.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fresh.Http.GetAsync($"/t/{tenant.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Turning it off needs a current code, not just a live session.
        var disable = await fresh.PostFormAsync("/account/security?handler=Disable", [new("Code", "")], "/account/security");
        (await disable.Content.ReadAsStringAsync()).ShouldContain("กรุณากรอกรหัสปัจจุบันจากแอป");

        var other = BrowserlessClient.Anonymous(factory);
        await other.PostFormAsync("/account/sign-in", [new("Email", tenant.Editor.Email), new("Password", TestData.Password)]);
        (await other.PostFormAsync("/account/sign-in-2fa", [new("Code", recoveryCodes[0])])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reuse = BrowserlessClient.Anonymous(factory);
        await reuse.PostFormAsync("/account/sign-in", [new("Email", tenant.Editor.Email), new("Password", TestData.Password)]);
        (await (await reuse.PostFormAsync("/account/sign-in-2fa", [new("Code", recoveryCodes[0])])).Content.ReadAsStringAsync()).ShouldContain("รหัสยืนยันไม่ถูกต้อง");
    }

    [Fact]
    public async Task Operator_without_two_factor_is_sent_to_enrol_before_anything_else()
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>();
        var (operatorUser, _) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        var user = await users.FindByIdAsync(operatorUser.Id.ToString());
        await users.SetTwoFactorEnabledAsync(user!, false);
        var client = await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password);

        var response = await client.Http.GetAsync("/operator");

        response.Headers.Location!.ToString().ShouldBe("/account/security?required=1");
        var page = await client.GetPageAsync("/account/security?required=1");
        page.QuerySelector("[data-testid='2fa-required']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Admin_invites_a_user_who_accepts_once_from_the_emailed_link()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var email = $"new-{Guid.NewGuid():N}@wiangha.test";

        (await admin.PostFormAsync($"/t/{tenant.Slug}/users?handler=Invite", [new("InviteEmail", email), new("InviteRole", "Editor")], $"/t/{tenant.Slug}/users"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mail = await factory.Smtp.WaitForMessageToAsync(email);
        mail.Subject!.ShouldContain("คำเชิญเข้าใช้งาน");
        var link = new Uri(TestSmtpServer.FirstLink(mail));

        var invited = BrowserlessClient.Anonymous(factory);
        var accept = await invited.GetPageAsync(link.PathAndQuery);
        accept.QuerySelector("[data-testid=invited-email]")!.TextContent.ShouldBe(email);
        var weak = await invited.PostFormAsync(link.PathAndQuery, [new("DisplayName", "นางสาวทดสอบ รับเชิญ"), new("Password", "short")]);
        (await weak.Content.ReadAsStringAsync()).ShouldContain("รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร");
        var accepted = await invited.PostFormAsync(link.PathAndQuery, [new("DisplayName", "นางสาวทดสอบ รับเชิญ"), new("Password", "Invited-Pass-2569")]);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await invited.Http.GetAsync($"/t/{tenant.Slug}/measures/new")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await BrowserlessClient.Anonymous(factory).GetPageAsync(link.PathAndQuery);
        again.QuerySelector("[data-testid=invitation-problem]")!.TextContent.ShouldContain("ถูกใช้ไปแล้ว");
        (await AuditActionsFor(email)).ShouldContain(AuditActions.InvitationAccepted);
    }

    [Fact]
    public async Task An_invitation_for_an_existing_account_adds_the_lao_but_never_signs_in_by_link()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bAdmin = await BrowserlessClient.SignedInAsync(factory, b.Admin);
        await bAdmin.PostFormAsync($"/t/{b.Slug}/users?handler=Invite", [new("InviteEmail", a.Viewer.Email), new("InviteRole", "Viewer")], $"/t/{b.Slug}/users");
        var link = new Uri(TestSmtpServer.FirstLink(await factory.Smtp.WaitForMessageToAsync(a.Viewer.Email)));

        var stranger = BrowserlessClient.Anonymous(factory);
        var accepted = await stranger.PostFormAsync(link.PathAndQuery, []);

        accepted.Headers.Location!.ToString().ShouldBe("/account/sign-in");
        (await stranger.Http.GetAsync($"/t/{b.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var owner = await BrowserlessClient.SignedInAsync(factory, a.Viewer);
        (await owner.Http.GetAsync($"/t/{b.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Expired_invitation_link_is_refused()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var email = $"late-{Guid.NewGuid():N}@wiangha.test";
        await admin.PostFormAsync($"/t/{tenant.Slug}/users?handler=Invite", [new("InviteEmail", email), new("InviteRole", "Viewer")], $"/t/{tenant.Slug}/users");
        var link = new Uri(TestSmtpServer.FirstLink(await factory.Smtp.WaitForMessageToAsync(email)));
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
            db.Entry(invitation).Property(i => i.ExpiresAt).CurrentValue = factory.Clock.GetUtcNow().AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var client = BrowserlessClient.Anonymous(factory);
        (await client.GetPageAsync(link.PathAndQuery)).QuerySelector("[data-testid=invitation-problem]")!.TextContent.ShouldContain("หมดอายุ");
        var post = await client.PostFormAsync(link.PathAndQuery, [new("DisplayName", "ช้าไป"), new("Password", "Invited-Pass-2569")], "/account/sign-in");
        post.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var check = factory.Scope();
        (await check.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.AnyAsync(u => u.Email == email)).ShouldBeFalse();
    }

    [Fact]
    public async Task Forgotten_password_is_reset_from_the_emailed_link()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = BrowserlessClient.Anonymous(factory);

        var unknown = await client.PostFormAsync("/account/forgot-password", [new("Email", "nobody@nowhere.test")]);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("หากอีเมลนี้มีบัญชีอยู่");
        await client.PostFormAsync("/account/forgot-password", [new("Email", tenant.Viewer.Email)]);
        var link = new Uri(TestSmtpServer.FirstLink(await factory.Smtp.WaitForMessageToAsync(tenant.Viewer.Email)));

        var tampered = await client.PostFormAsync("/account/reset-password", [new("Email", tenant.Viewer.Email), new("Token", "not-a-token"), new("Password", "Brand-New-Pass-1")]);
        (await tampered.Content.ReadAsStringAsync()).ShouldContain("ลิงก์ไม่ถูกต้องหรือหมดอายุ");
        var reset = await client.PostFormAsync(link.PathAndQuery, BrowserlessClient.FormValues(await client.GetPageAsync(link.PathAndQuery), "form")
            .With("Password", "Brand-New-Pass-1"));
        reset.Headers.Location!.ToString().ShouldBe("/account/sign-in");

        (await SignInBody(BrowserlessClient.Anonymous(factory), tenant.Viewer.Email, TestData.Password)).ShouldContain("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
        await BrowserlessClient.SignedInAsync(factory, tenant.Viewer.Email, "Brand-New-Pass-1");
    }

    [Fact]
    public async Task Users_of_a_suspended_lao_cannot_sign_in_and_are_told_why()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.SetStatusAsync(tenant, Domain.Organisations.OrganisationStatus.Suspended);

        var body = await SignInBody(BrowserlessClient.Anonymous(factory), tenant.Editor.Email, TestData.Password);
        var wrongPassword = await SignInBody(BrowserlessClient.Anonymous(factory), tenant.Editor.Email, "not-the-password");

        body.ShouldContain("หน่วยงานของท่านถูกระงับการใช้งานชั่วคราว");
        wrongPassword.ShouldContain("อีเมลหรือรหัสผ่านไม่ถูกต้อง", Case.Sensitive, "without the password nobody learns the LAO is suspended");
        wrongPassword.ShouldNotContain("ถูกระงับ");
        (await AuditActionsFor(tenant.Editor.Email)).ShouldContain(AuditActions.SignInRefusedSuspended);
    }

    [Fact]
    public async Task Operator_onboards_a_lao_whose_first_admin_is_invited_then_suspends_and_reactivates_it()
    {
        var (operatorUser, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        var client = await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, key);
        var slug = $"new-{Guid.NewGuid():N}"[..16];
        var adminEmail = $"admin-{slug}@lao.test";

        var invalid = await client.PostFormAsync("/operator?handler=Onboard",
            [new("Input.DlaCode", ""), new("Input.Slug", "X!"), new("Input.NameTh", ""), new("Input.FirstAdminEmail", "")], "/operator");
        var invalidPage = await invalid.Content.ReadAsStringAsync();
        invalidPage.ShouldContain("ชื่อย่อในลิงก์ใช้ได้เฉพาะ");
        invalidPage.ShouldContain("กรุณาเลือกหน่วยงานจากทะเบียน อปท.");
        var created = await client.PostFormAsync("/operator?handler=Onboard",
            [new("Input.DlaCode", "6570510"), new("Input.Slug", slug), new("Input.NameTh", "องค์การบริหารส่วนตำบลทดสอบใหม่"), new("Input.FirstAdminEmail", adminEmail)], "/operator");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var link = new Uri(TestSmtpServer.FirstLink(await factory.Smtp.WaitForMessageToAsync(adminEmail)));
        var admin = BrowserlessClient.Anonymous(factory);
        (await admin.PostFormAsync(link.PathAndQuery, [new("DisplayName", "ปลัดทดสอบ"), new("Password", "First-Admin-2569")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var units = await admin.GetPageAsync($"/t/{slug}/org-units");
        units.QuerySelectorAll("input[name=name]").Select(i => i.GetAttribute("value")).ShouldBe(["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"]);

        var row = (await client.GetPageAsync("/operator?search=" + slug)).QuerySelector($"[data-testid=organisation][data-slug='{slug}'] input[name=id]")!.GetAttribute("value")!;
        (await client.PostFormAsync("/operator?handler=Suspend", [new("id", row)], "/operator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInBody(BrowserlessClient.Anonymous(factory), adminEmail, "First-Admin-2569")).ShouldContain("ถูกระงับการใช้งาน");
        (await client.PostFormAsync("/operator?handler=Reactivate", [new("id", row)], "/operator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await BrowserlessClient.SignedInAsync(factory, adminEmail, "First-Admin-2569");
    }

    [Fact]
    public async Task Lao_staff_cannot_open_operator_pages()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        (await client.Http.GetAsync("/operator")).Headers.Location!.ToString().ShouldContain("/status/403");
    }

    private static async Task<string> SignInBody(BrowserlessClient client, string email, string password)
    {
        var response = await client.PostFormAsync("/account/sign-in", [new("Email", email), new("Password", password)]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<List<string>> AuditActionsFor(string email)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEvents
            .Where(e => e.ActorName == email).Select(e => e.Action).ToListAsync();
    }
}
