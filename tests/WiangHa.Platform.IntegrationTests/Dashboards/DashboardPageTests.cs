using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Dashboards;

/// <summary>
/// The dashboards' pages through the real pipeline: a provincial supervisor sees their province (every registry LAO,
/// onboarded or not) and nothing of another; the national page ranks and maps provinces; LAO users get no dashboard;
/// a drill-down into an LAO is marked read-only.
/// </summary>
public sealed class DashboardPageTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private async Task<BrowserlessClient> SupervisorAsync(string role, params string[] provinces)
    {
        var (user, key) = await factory.Data.CreatePlatformUserAsync(role, provinces);
        return await BrowserlessClient.SignedInAsync(factory, user.Email, TestData.Password, key);
    }

    [Fact]
    public async Task A_provincial_supervisor_sees_every_LAO_of_the_province_including_those_not_onboarded()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateComplianceRunAsync(tenant);
        var supervisor = await SupervisorAsync(PlatformRoles.ProvincialSupervisor, "57");

        var page = await supervisor.GetPageAsync("/dashboards/provinces/57");
        var rows = page.QuerySelectorAll("[data-testid=lao-table] tr[data-readiness]");
        // Chiang Rai's 144 registry entries, plus the test tenants onboarded without a DLA code.
        rows.Length.ShouldBeGreaterThanOrEqualTo(145);
        rows.Count(r => r.GetAttribute("data-readiness") == "NotOnboarded").ShouldBeGreaterThanOrEqualTo(140);
        page.QuerySelector("[data-testid=lao-6570510]")!.TextContent.ShouldContain("เวียงห้าว");
        page.QuerySelector("[data-testid=lao-6570510]")!.GetAttribute("data-readiness").ShouldBe("NotOnboarded");

        // The checked tenant: a score and a reason (nothing disclosed, so below the pass mark).
        var row = page.QuerySelector($"[data-testid=lao-{tenant.Slug}]")!;
        row.GetAttribute("data-readiness").ShouldBe("AtRisk");
        // 2569 is known only in part (O5–O7 unknown): the reason counts known items, and the page says why there is no projection.
        row.TextContent.ShouldMatch(@"ผ่าน 0 จาก \d+ ข้อที่ทราบ");
        page.QuerySelector("[data-testid=incomplete-manual-note]")!.TextContent.ShouldContain("คู่มือปี 2569 ยังมีข้อที่ไม่ทราบ");
        page.QuerySelector("[data-testid=kpi-onboarded]")!.TextContent.ShouldContain("/");

        var filtered = await supervisor.GetPageAsync("/dashboards/provinces/57?status=NotOnboarded&district=5705");
        var left = filtered.QuerySelectorAll("[data-testid=lao-table] tr[data-readiness]");
        left.Length.ShouldBe(16); // the DLA's 16 LAOs of Phan district
        left.ShouldAllBe(r => r.GetAttribute("data-readiness") == "NotOnboarded");

        var heat = await supervisor.GetPageAsync("/dashboards/provinces/57/items");
        heat.QuerySelector("[data-testid=heatmap]").ShouldNotBeNull();
        heat.QuerySelector($"[data-testid=heatmap] a[href^='/t/{tenant.Slug}/']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_provincial_supervisor_cannot_open_another_province_and_the_map_links_only_their_own()
    {
        var supervisor = await SupervisorAsync(PlatformRoles.ProvincialSupervisor, "51");
        (await supervisor.Http.GetAsync("/dashboards/provinces/57")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.Http.GetAsync("/dashboards/provinces/57/items")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor.Http.GetAsync("/dashboards/provinces/99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var national = await supervisor.GetPageAsync("/dashboards");
        national.QuerySelectorAll("[data-testid=map] a").Select(a => a.GetAttribute("href")).ShouldBe(["/dashboards/provinces/51?year=2569"]);
        national.QuerySelectorAll("[data-testid=map] path").Length.ShouldBeGreaterThanOrEqualTo(77);
        national.QuerySelectorAll("[data-testid=province-ranking] tbody tr").Length.ShouldBe(76);
        national.QuerySelector("[data-testid=province-57] a").ShouldBeNull();
        national.QuerySelector("[data-testid=province-51] a").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_national_supervisor_opens_any_province()
    {
        var national = await SupervisorAsync(PlatformRoles.NationalSupervisor);
        (await national.GetPageAsync("/dashboards/provinces/30")).QuerySelectorAll("[data-testid=lao-table] tr[data-readiness]").Length.ShouldBe(334);
        (await national.GetPageAsync("/dashboards")).QuerySelectorAll("[data-testid=map] a").Length.ShouldBe(76);
    }

    [Fact]
    public async Task LAO_users_get_no_dashboard()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        foreach (var url in new[] { "/dashboards", "/dashboards/provinces/57", "/dashboards/provinces/57/items" })
        {
            var response = await admin.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.OriginalString.ShouldContain("/status/403");
        }

        (await BrowserlessClient.Anonymous(factory).Http.GetAsync("/dashboards")).Headers.Location!.OriginalString.ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task A_supervisor_in_an_LAO_reads_it_marked_read_only_and_its_members_see_no_such_mark()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var supervisor = await SupervisorAsync(PlatformRoles.ProvincialSupervisor, "57");
        var asSupervisor = await supervisor.GetPageAsync($"/t/{tenant.Slug}/compliance");
        asSupervisor.QuerySelector("[data-testid=read-only]")!.TextContent.ShouldContain("อ่านอย่างเดียว");
        asSupervisor.QuerySelector("[data-testid=check-now]").ShouldBeNull();
        asSupervisor.QuerySelector("[data-testid=nav-back-to-province]")!.GetAttribute("href").ShouldBe("/dashboards/provinces/57");

        var asAdmin = await (await BrowserlessClient.SignedInAsync(factory, tenant.Admin)).GetPageAsync($"/t/{tenant.Slug}/compliance");
        asAdmin.QuerySelector("[data-testid=read-only]").ShouldBeNull();
    }

    [Fact]
    public async Task The_nightly_run_records_the_provinces_day_and_the_trend_draws_it()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateDisclosureAsync(tenant, 2569, "O19", "https://lao.example/plan");
        await using (var scope = factory.Scope())
        {
            var job = ActivatorUtilities.CreateInstance<NightlyComplianceJob>(scope.ServiceProvider);
            await job.RunSlotAsync(factory.Clock.GetUtcNow());
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(factory.Clock.GetUtcNow()).DateTime);
            var figure = await db.ProvinceDayFigures.SingleAsync(f => f.AssessmentYear == 2569 && f.ProvinceCode == "57" && f.Day == today);
            figure.Checked.ShouldBeGreaterThanOrEqualTo(1);

            // Twice the same night: the day's rows are replaced, not doubled.
            await job.RunSlotAsync(factory.Clock.GetUtcNow());
            (await db.ProvinceDayFigures.CountAsync(f => f.AssessmentYear == 2569 && f.ProvinceCode == "57" && f.Day == today)).ShouldBe(1);
        }

        var supervisor = await SupervisorAsync(PlatformRoles.ProvincialSupervisor, "57");
        var page = await supervisor.GetPageAsync("/dashboards/provinces/57");
        page.QuerySelector("[data-testid=trend] polyline").ShouldNotBeNull();
        page.QuerySelector("[data-testid=trend] figcaption")!.TextContent.ShouldContain("2569");
    }

    [Fact]
    public async Task A_supervisor_signing_in_lands_on_their_province()
    {
        var supervisor = await SupervisorAsync(PlatformRoles.ProvincialSupervisor, "57");
        var response = await supervisor.Http.GetAsync("/account/select-tenant");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/dashboards/provinces/57");
    }
}
