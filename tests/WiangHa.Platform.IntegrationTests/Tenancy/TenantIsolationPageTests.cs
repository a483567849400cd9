using System.Net;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Tenancy;

/// <summary>A user of tenant A gets 404 for tenant B's ids on every page, and their posts change nothing.</summary>
public sealed class TenantIsolationPageTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Pages_of_another_tenants_measure_are_404_under_the_users_own_tenant()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bMeasure = await factory.Data.CreateMeasureAsync(b, "มาตรการลับของ B");
        var client = await BrowserlessClient.SignedInAsync(factory, a.Admin);

        foreach (var path in new[] { $"/measures/{bMeasure}", $"/measures/{bMeasure}/edit", $"/measures/{bMeasure}/delete" })
        {
            var page = await client.GetPageAsync($"/t/{a.Slug}{path}", HttpStatusCode.NotFound);
            page.Body!.TextContent.ShouldNotContain("มาตรการลับของ B");
            page.QuerySelector("[data-testid=status-page]").ShouldNotBeNull();
        }

        var list = await client.GetPageAsync($"/t/{a.Slug}/measures?year=2566");
        list.Body!.TextContent.ShouldNotContain("มาตรการลับของ B");
    }

    [Fact]
    public async Task Pages_of_a_tenant_the_user_does_not_belong_to_are_404()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bMeasure = await factory.Data.CreateMeasureAsync(b);
        var client = await BrowserlessClient.SignedInAsync(factory, a.Admin);

        foreach (var path in new[] { "/measures", $"/measures/{bMeasure}", $"/measures/{bMeasure}/edit", "/measures/new", "/org-units" })
        {
            var response = await client.Http.GetAsync($"/t/{b.Slug}{path}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }
    }

    [Fact]
    public async Task Posting_an_edit_or_delete_of_another_tenants_measure_is_404_and_changes_nothing()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var aMeasure = await factory.Data.CreateMeasureAsync(a, "มาตรการของ A");
        var bMeasure = await factory.Data.CreateMeasureAsync(b, "มาตรการของ B");
        var client = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        var form = BrowserlessClient.FormValues(await client.GetPageAsync($"/t/{a.Slug}/measures/{aMeasure}/edit"))
            .With("Form.Title", "ถูกแก้โดย A");

        // The same form aimed at B's id, both under A's route and under B's.
        (await client.PostFormAsync($"/t/{a.Slug}/measures/{bMeasure}/edit", form, $"/t/{a.Slug}/measures/{aMeasure}/edit"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostFormAsync($"/t/{b.Slug}/measures/{bMeasure}/edit", form, $"/t/{a.Slug}/measures/{aMeasure}/edit"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostFormAsync($"/t/{a.Slug}/measures/{bMeasure}/delete", [new("version", Guid.Empty.ToString())], $"/t/{a.Slug}/measures"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var bMeasures = await TenantIsolationApiTests.MeasuresOf(factory, b);
        bMeasures.Single().Title.ShouldBe("มาตรการของ B");
    }

    [Fact]
    public async Task Org_unit_forms_aimed_at_another_tenants_unit_are_404_and_change_nothing()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, a.Admin);
        var page = $"/t/{a.Slug}/org-units";

        var rename = await client.PostFormAsync($"{page}?handler=Update",
            [new("id", b.UnitIds[0].ToString()), new("name", "ถูกยึด"), new("sortOrder", "1"), new("isActive", "true"), new("version", Guid.Empty.ToString())], page);
        rename.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var delete = await client.PostFormAsync($"{page}?handler=Delete", [new("id", b.UnitIds[3].ToString())], page);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var bAdmin = await BrowserlessClient.SignedInAsync(factory, b.Admin);
        var bPage = await bAdmin.GetPageAsync($"/t/{b.Slug}/org-units");
        var names = bPage.QuerySelectorAll("input[name=name]").Select(i => i.GetAttribute("value")).ToList();
        names.ShouldBe(["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"]);
    }

    [Fact]
    public async Task Suspended_tenant_shows_a_clear_thai_page()
    {
        // Suspended while the clerk is signed in: the next page they open says so.
        var suspended = await factory.Data.CreateTenantAsync(name: "อบต.พักงาน");
        var client = await BrowserlessClient.SignedInAsync(factory, suspended.Editor);
        await factory.Data.SetStatusAsync(suspended, Domain.Organisations.OrganisationStatus.Suspended);

        var page = await client.GetPageAsync($"/t/{suspended.Slug}/measures", HttpStatusCode.Forbidden);

        page.QuerySelector("h1")!.TextContent.ShouldContain("ถูกระงับการใช้งาน");
        page.Body!.TextContent.ShouldContain("อบต.พักงาน");
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var a = await factory.Data.CreateTenantAsync();
        var response = await BrowserlessClient.Anonymous(factory).Http.GetAsync($"/t/{a.Slug}/measures");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }
}
