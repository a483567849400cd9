using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Organisations;

public sealed class SignInAndOrgUnitTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Wrong_password_gets_a_thai_message()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = BrowserlessClient.Anonymous(factory);

        var response = await client.PostFormAsync("/account/sign-in", [new("Email", tenant.Editor.Email), new("Password", "wrong-password")]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("อีเมลหรือรหัสผ่านไม่ถูกต้อง");
    }

    [Fact]
    public async Task Single_membership_goes_straight_to_its_home_page()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var response = await client.Http.GetAsync("/account/select-tenant");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/t/{tenant.Slug}");
    }

    [Fact]
    public async Task User_with_several_memberships_picks_the_tenant()
    {
        var a = await factory.Data.CreateTenantAsync("เทศบาลตำบลหนึ่ง");
        var b = await factory.Data.CreateTenantAsync("เทศบาลตำบลสอง");
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Memberships.Add(new Membership { UserId = a.Editor.Id, OrganisationId = b.Id, Role = TenantRole.Viewer });
            await db.SaveChangesAsync();
        }

        var client = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        var page = await client.GetPageAsync("/account/select-tenant");

        page.QuerySelectorAll("[data-testid=tenant-choice]").Select(c => c.GetAttribute("href")).ShouldBe(
            [$"/t/{a.Slug}", $"/t/{b.Slug}"], ignoreOrder: true);
        (await client.Http.GetAsync($"/t/{b.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Viewer in B: reading is fine, editing is not.
        (await client.Http.GetAsync($"/t/{b.Slug}/measures/new")).Headers.Location!.ToString().ShouldContain("/status/403");
    }

    [Fact]
    public async Task Admin_adds_renames_and_deletes_units_and_a_unit_in_use_cannot_be_deleted()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateMeasureAsync(tenant);
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var page = $"/t/{tenant.Slug}/org-units";

        (await admin.PostFormAsync($"{page}?handler=Add", [new("NewName", "กองสาธารณสุขและสิ่งแวดล้อม")], page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var duplicate = await admin.PostFormAsync($"{page}?handler=Add", [new("NewName", "กองคลัง")], page);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("มีหน่วยงานชื่อนี้แล้ว");
        // As the browser does: each row's delete form carries the version the page showed (ADR 0008).
        var versions = (await admin.GetPageAsync(page)).QuerySelectorAll("form[action*='handler=Delete'] input[name=version]")
            .ToDictionary(v => v.ParentElement!.QuerySelector("input[name=id]")!.GetAttribute("value")!, v => v.GetAttribute("value")!);
        var inUse = await admin.PostFormAsync($"{page}?handler=Delete", [new("id", tenant.UnitIds[0].ToString()), new("version", versions[tenant.UnitIds[0].ToString()])], page);
        (await inUse.Content.ReadAsStringAsync()).ShouldContain("จึงลบไม่ได้");
        (await admin.PostFormAsync($"{page}?handler=Delete", [new("id", tenant.UnitIds[3].ToString()), new("version", versions[tenant.UnitIds[3].ToString()])], page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var names = (await admin.GetPageAsync(page)).QuerySelectorAll("input[name=name]").Select(i => i.GetAttribute("value")).ToList();
        names.ShouldBe(["สำนักปลัด", "กองคลัง", "กองช่าง", "กองสาธารณสุขและสิ่งแวดล้อม"]);
    }

    [Fact]
    public async Task Editor_cannot_manage_units()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        (await editor.Http.GetAsync($"/t/{tenant.Slug}/org-units")).Headers.Location!.ToString().ShouldContain("/status/403");
        (await editor.SendJsonAsync(HttpMethod.Post, $"/api/v1/t/{tenant.Slug}/org-units", new { name = "กองใหม่" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        var client = BrowserlessClient.Anonymous(factory);
        (await client.Http.GetStringAsync("/health/live")).ShouldBe("Healthy");
        (await client.Http.GetStringAsync("/health/ready")).ShouldBe("Healthy");
    }
}
