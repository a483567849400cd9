using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Dashboards;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.TestSupport;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>The alert settings pages: secrets never come back, members' reception, and who may see and change what.</summary>
public sealed class AlertSettingsTests(ChannelsPlatformFactory factory) : IClassFixture<ChannelsPlatformFactory>
{
    private readonly ChannelTestKit _kit = new(factory);

    private static string PageOf(TestTenant tenant) => $"/t/{tenant.Slug}/alerts";

    [Fact]
    public async Task After_saving_the_page_never_shows_the_token_or_the_key_and_the_database_holds_neither_in_plain()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var token = $"secret-line-token-{Guid.NewGuid():N}";
        await ChannelTestKit.ConnectLineAsync(admin, PageOf(tenant), token, LineReceiver.NewGroupId());
        var key = await ChannelTestKit.ConnectWebhookAsync(admin, PageOf(tenant), factory.Webhooks.NewUrl());

        var html = (await admin.GetPageAsync(PageOf(tenant))).DocumentElement.OuterHtml;
        html.ShouldNotContain(token);
        html.ShouldNotContain(key);
        html.ShouldContain($"…{token[^4..]}"); // the hint, at most
        html.ShouldNotContain("webhook-key");

        // Saving again with the token left empty keeps it.
        var line = await _kit.ConnectionAsync(tenant.Id, null, AlertChannel.Line);
        var resave = await admin.PostFormAsync($"{PageOf(tenant)}?handler=SaveLine",
            [new("Line.Id", line.Id.ToString()), new("Line.Token", ""), new("Line.Target", line.Target), new("Line.MonthlyQuota", "120"), new("Line.Enabled", "true")]);
        resave.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetPageAsync(PageOf(tenant))).DocumentElement.OuterHtml.ShouldNotContain(token);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stored = await db.AlertConnections.AsNoTracking().Where(c => c.OrganisationId == tenant.Id).ToListAsync();
        stored.Count.ShouldBe(2);
        stored.ShouldAllBe(c => !c.ProtectedSecret.Contains(token) && !c.ProtectedSecret.Contains(key));
        stored.Single(c => c.Channel == AlertChannel.Line).ShouldSatisfyAllConditions(
            c => c.ProtectedSecret.ShouldBe(line.ProtectedSecret),
            c => c.MonthlyQuota.ShouldBe(120));
        var audit = await db.Set<AuditEvent>().AsNoTracking().Where(e => e.TenantId == tenant.Id && e.Action.StartsWith("alerts.")).ToListAsync();
        audit.Count(e => e.Action == "alerts.connection.saved").ShouldBe(3);
        audit.ShouldAllBe(e => e.Details == null || (!e.Details.Contains(token) && !e.Details.Contains(key)));
    }

    [Fact]
    public async Task Bad_input_gets_thai_messages_beside_the_fields_and_nothing_is_saved()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);

        var line = await admin.PostFormAsync($"{PageOf(tenant)}?handler=SaveLine",
            [new("Line.Token", ""), new("Line.Target", "G123"), new("Line.MonthlyQuota", "สามร้อย"), new("Line.Enabled", "true")]);
        var webhook = await admin.PostFormAsync($"{PageOf(tenant)}?handler=ConnectWebhook", [new("WebhookUrl", "http://example.org/hook")]);

        line.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lineHtml = await line.Content.ReadAsStringAsync();
        lineHtml.ShouldContain("กรุณากรอก channel access token");
        lineHtml.ShouldContain("รหัสปลายทางต้องขึ้นต้นด้วย C");
        lineHtml.ShouldContain("กรุณากรอกโควตาต่อเดือนเป็นตัวเลข");
        webhook.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await webhook.Content.ReadAsStringAsync()).ShouldContain("https://");
        await using var scope = factory.Scope();
        (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AlertConnections.CountAsync(c => c.OrganisationId == tenant.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task The_admin_sets_a_members_reception_and_the_next_alerts_follow_it()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var page = await admin.GetPageAsync(PageOf(tenant));
        var editorMembership = await MembershipAsync(tenant.Id, tenant.Editor.Id);
        page.QuerySelector($"[data-testid=member-{editorMembership.Id}] option[selected]")!.GetAttribute("value").ShouldBe(nameof(AlertReception.InAppAndEmail));

        var response = await admin.PostFormAsync($"{PageOf(tenant)}?handler=SetReception",
            [new("membershipId", editorMembership.Id.ToString()), new("reception", nameof(AlertReception.None))]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MembershipAsync(tenant.Id, tenant.Editor.Id)).AlertReception.ShouldBe(AlertReception.None);

        await _kit.PlanAndSendAsync(_kit.NextMornings().First());
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        (await db.AlertMessages.CountAsync(m => m.RecipientUserId == tenant.Editor.Id)).ShouldBe(0);
        (await db.AlertMessages.CountAsync(m => m.RecipientUserId == tenant.Admin.Id)).ShouldBeGreaterThan(0);
        (await db.Set<AuditEvent>().CountAsync(e => e.TenantId == tenant.Id && e.Action == "alerts.reception.changed")).ShouldBe(1);
    }

    [Fact]
    public async Task An_admin_of_one_lao_can_neither_see_nor_change_another_laos_connections_or_members()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var adminA = await BrowserlessClient.SignedInAsync(factory, a.Admin);
        var adminB = await BrowserlessClient.SignedInAsync(factory, b.Admin);
        var targetB = LineReceiver.NewGroupId();
        await ChannelTestKit.ConnectLineAsync(adminB, PageOf(b), $"token-b-{Guid.NewGuid():N}", targetB);
        var connectionB = await _kit.ConnectionAsync(b.Id, null, AlertChannel.Line);
        var editorB = await MembershipAsync(b.Id, b.Editor.Id);

        (await adminA.Http.GetAsync(PageOf(b))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var pageA = (await adminA.GetPageAsync(PageOf(a))).DocumentElement.OuterHtml;
        pageA.ShouldNotContain(targetB);
        pageA.ShouldNotContain(b.Editor.Email);
        (await adminA.PostFormAsync($"{PageOf(a)}?handler=DeleteConnection", [new("id", connectionB.Id.ToString())])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await adminA.PostFormAsync($"{PageOf(a)}?handler=SaveLine",
            [new("Line.Id", connectionB.Id.ToString()), new("Line.Token", ""), new("Line.Target", LineReceiver.NewGroupId()), new("Line.MonthlyQuota", "1"), new("Line.Enabled", "false")]))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await adminA.PostFormAsync($"{PageOf(a)}?handler=SetReception", [new("membershipId", editorB.Id.ToString()), new("reception", nameof(AlertReception.None))]))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var unchanged = await _kit.ConnectionAsync(b.Id, null, AlertChannel.Line);
        unchanged.ShouldSatisfyAllConditions(c => c.Target.ShouldBe(targetB), c => c.Enabled.ShouldBeTrue(), c => c.MonthlyQuota.ShouldBe(300));
        (await MembershipAsync(b.Id, b.Editor.Id)).AlertReception.ShouldBeNull();
        (await adminB.GetPageAsync(PageOf(b))).DocumentElement.OuterHtml.ShouldContain(targetB);
    }

    [Fact]
    public async Task Editors_and_viewers_cannot_open_the_alert_settings_of_their_own_lao()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        foreach (var user in new[] { tenant.Editor, tenant.Viewer })
        {
            var client = await BrowserlessClient.SignedInAsync(factory, user);
            var response = await client.Http.GetAsync(PageOf(tenant));
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, user.Email);
            response.Headers.Location!.ToString().ShouldContain("/status/403");
            (await client.PostFormAsync($"{PageOf(tenant)}?handler=ConnectWebhook", [new("WebhookUrl", factory.Webhooks.NewUrl())], $"/t/{tenant.Slug}/measures"))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        await using var scope = factory.Scope();
        (await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AlertConnections.CountAsync(c => c.OrganisationId == tenant.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_supervisor_keeps_the_connections_of_their_own_province_and_finds_no_other()
    {
        var data = new DashboardTestData(factory);
        var supervisor57 = await data.SupervisorAsync(PlatformRoles.ProvincialSupervisor, "57");
        var supervisor50 = await data.SupervisorAsync(PlatformRoles.ProvincialSupervisor, "50");
        var target = LineReceiver.NewGroupId();

        (await supervisor57.GetPageAsync("/dashboards/provinces/57")).QuerySelector("[data-testid=province-alerts-link]").ShouldNotBeNull();
        await ChannelTestKit.ConnectLineAsync(supervisor57, "/dashboards/provinces/57/alerts", $"token-57-{Guid.NewGuid():N}", target);
        var connection = await _kit.ConnectionAsync(null, "57", AlertChannel.Line);

        (await supervisor50.Http.GetAsync("/dashboards/provinces/57/alerts")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor50.PostFormAsync("/dashboards/provinces/57/alerts?handler=DeleteConnection", [new("id", connection.Id.ToString())], "/dashboards/provinces/50/alerts"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor50.PostFormAsync("/dashboards/provinces/50/alerts?handler=DeleteConnection", [new("id", connection.Id.ToString())]))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supervisor50.GetPageAsync("/dashboards/provinces/50/alerts")).DocumentElement.OuterHtml.ShouldNotContain(target);
        (await _kit.ConnectionAsync(null, "57", AlertChannel.Line)).Id.ShouldBe(connection.Id);

        // An admin of an LAO in province 57 does not reach the province's page either.
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        (await admin.Http.GetAsync("/dashboards/provinces/57/alerts")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await supervisor57.GetPageAsync("/dashboards/provinces/57/alerts")).DocumentElement.OuterHtml.ShouldContain(target);
    }

    private async Task<Membership> MembershipAsync(Guid organisationId, Guid userId)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Memberships.AsNoTracking()
            .SingleAsync(m => m.OrganisationId == organisationId && m.UserId == userId);
    }
}
