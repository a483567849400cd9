using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.TestSupport;

namespace WiangHa.Platform.IntegrationTests.Identity;

/// <summary>The Thai messages the invitation and member forms show, and that a refused form sends nothing.</summary>
public sealed class InvitationFormTests(SmtpPlatformFactory factory) : IClassFixture<SmtpPlatformFactory>
{
    [Fact]
    public async Task An_invalid_email_is_refused_beside_the_field_and_nothing_is_sent()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);

        var response = await admin.PostFormAsync($"/t/{tenant.Slug}/users?handler=Invite", [new("InviteEmail", "not an email"), new("InviteRole", "Editor")], $"/t/{tenant.Slug}/users");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=InviteEmail]")!.TextContent.ShouldBe("กรุณากรอกอีเมลให้ถูกต้อง");
        await using var scope = factory.Scope();
        (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Invitations.AnyAsync(i => i.OrganisationId == tenant.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_admin_cannot_change_their_own_role()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var usersPage = await admin.GetPageAsync($"/t/{tenant.Slug}/users");
        var own = usersPage.QuerySelector($"[data-testid=member][data-email='{tenant.Admin.Email}']")!.GetAttribute("data-membership")!;

        var response = await admin.PostFormAsync($"/t/{tenant.Slug}/users?handler=ChangeRole", [new("membershipId", own), new("role", "Viewer")], $"/t/{tenant.Slug}/users");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("ไม่สามารถเปลี่ยนบทบาทหรือปิดการใช้งานบัญชีของตนเองได้");
        (await admin.Http.GetAsync($"/t/{tenant.Slug}/users")).StatusCode.ShouldBe(HttpStatusCode.OK, "still an admin");
    }

    [Fact]
    public async Task A_new_account_needs_a_name_before_the_invitation_is_redeemed()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var email = $"noname-{Guid.NewGuid():N}@wiangha.test";
        await admin.PostFormAsync($"/t/{tenant.Slug}/users?handler=Invite", [new("InviteEmail", email), new("InviteRole", "Viewer")], $"/t/{tenant.Slug}/users");
        var link = new Uri(TestSmtpServer.FirstLink(await factory.Smtp.WaitForMessageToAsync(email)));
        var invited = BrowserlessClient.Anonymous(factory);

        var response = await invited.PostFormAsync(link.PathAndQuery, [new("DisplayName", " "), new("Password", "Invited-Pass-2569")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=DisplayName]")!.TextContent.ShouldBe("กรุณากรอกชื่อ-นามสกุล");
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        (await db.Users.AnyAsync(u => u.Email == email)).ShouldBeFalse();
        (await db.Invitations.SingleAsync(i => i.Email == email)).AcceptedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Operator_invites_a_provincial_supervisor_only_with_known_provinces()
    {
        var (operatorUser, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        var client = await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, key);
        var email = $"supervisor-{Guid.NewGuid():N}@province.test";

        var refused = await client.PostFormAsync("/operator/people",
            [new("Email", email), new("Role", PlatformRoles.ProvincialSupervisor), new("ProvinceCodes", "57"), new("ProvinceCodes", "99")], "/operator/people");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("ผู้กำกับดูแลระดับจังหวัดต้องมีจังหวัดอย่างน้อย 1 จังหวัด");

        var sent = await client.PostFormAsync("/operator/people",
            [new("Email", email), new("Role", PlatformRoles.ProvincialSupervisor), new("ProvinceCodes", "57")], "/operator/people");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.Smtp.WaitForMessageToAsync(email)).Subject!.ShouldContain("คำเชิญเข้าใช้งาน");
        await using var scope = factory.Scope();
        var invitation = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Invitations.SingleAsync(i => i.Email == email);
        (invitation.PlatformRole, invitation.OrganisationId).ShouldBe((PlatformRoles.ProvincialSupervisor, (Guid?)null));
        invitation.ProvinceCodes.ShouldBe(["57"]);
    }

    [Fact]
    public async Task The_invitation_names_the_role_in_thai_and_the_lao_with_its_district_and_province()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var email = $"role-{Guid.NewGuid():N}@wiangha.test";

        await admin.PostFormAsync($"/t/{tenant.Slug}/users?handler=Invite", [new("InviteEmail", email), new("InviteRole", "Editor")], $"/t/{tenant.Slug}/users");

        var mail = await factory.Smtp.WaitForMessageToAsync(email);
        mail.TextBody!.ShouldContain($"ท่านได้รับเชิญเป็น ผู้แก้ไขข้อมูล ของ {tenant.Name} อำเภอพาน จังหวัดเชียงราย");
        mail.HtmlBody!.ShouldContain("ผู้แก้ไขข้อมูล");
    }

    [Fact]
    public async Task A_provincial_supervisor_is_told_the_role_and_the_province()
    {
        var (operatorUser, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        var client = await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, key);
        var email = $"province-{Guid.NewGuid():N}@province.test";

        await client.PostFormAsync("/operator/people", [new("Email", email), new("Role", PlatformRoles.ProvincialSupervisor), new("ProvinceCodes", "57")], "/operator/people");

        (await factory.Smtp.WaitForMessageToAsync(email)).TextBody!.ShouldContain("ท่านได้รับเชิญเป็น ผู้กำกับดูแลระดับจังหวัด จังหวัดเชียงราย");
    }

    [Fact]
    public async Task Someone_who_chose_english_is_invited_in_english()
    {
        var home = await factory.Data.CreateTenantAsync();
        var other = await factory.Data.CreateTenantAsync();
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == home.Viewer.Id);
            user.PreferredLanguage = "en";
            await db.SaveChangesAsync();
        }

        var admin = await BrowserlessClient.SignedInAsync(factory, other.Admin);
        await admin.PostFormAsync($"/t/{other.Slug}/users?handler=Invite", [new("InviteEmail", home.Viewer.Email), new("InviteRole", "Viewer")], $"/t/{other.Slug}/users");

        var mail = await factory.Smtp.WaitForMessageToAsync(home.Viewer.Email);
        mail.Subject!.ShouldStartWith("Invitation to WiangHa Platform");
        mail.TextBody!.ShouldContain("You have been invited as Viewer of ");
        mail.TextBody!.ShouldContain("Phan District, Chiang Rai Province");
    }
}
