using System.Globalization;
using System.Text.Json;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.IntegrationTests.Dashboards;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.TestSupport;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>Outgoing webhooks of an LAO and of a province, against a webhook receiver on 127.0.0.1.</summary>
public sealed class WebhookDeliveryTests(ChannelsPlatformFactory factory) : IClassFixture<ChannelsPlatformFactory>
{
    private readonly ChannelTestKit _kit = new(factory);

    private async Task<(TestTenant Tenant, string Url, string Key, Guid ConnectionId)> ConnectAsync()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var url = factory.Webhooks.NewUrl();
        var key = await ChannelTestKit.ConnectWebhookAsync(admin, $"/t/{tenant.Slug}/alerts", url);
        return (tenant, url, key, (await _kit.ConnectionAsync(tenant.Id, null, AlertChannel.Webhook)).Id);
    }

    [Fact]
    public async Task The_receiver_verifies_the_signature_with_the_key_shown_once_and_reads_the_lao_and_its_failing_items()
    {
        var (tenant, url, key, connectionId) = await ConnectAsync();
        var data = new DashboardTestData(factory);
        var lao = new TestLao(tenant.Id, tenant.Slug, tenant.Name, "57", null);
        await data.DiscloseAsync(lao, "O19", "O20");
        await data.RunNightForAsync(lao, DateOnly.FromDateTime(ThaiTime.ToBangkok(factory.Clock.GetUtcNow()).DateTime));
        var morning = _kit.NextMornings().First();

        await _kit.PlanAndSendAsync(morning);

        var row = (await _kit.OutboxAsync(connectionId)).ShouldHaveSingleItem();
        row.State.ShouldBe(AlertState.Sent, row.LastError);
        var post = factory.Webhooks.PostsTo(url).ShouldHaveSingleItem();
        post.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        post.Header("X-WiangHa-Delivery").ShouldBe(row.Id.ToString());
        // The test clock moves a millisecond per read: the stamp is the sending time, between the morning and now.
        long.Parse(post.Header("X-WiangHa-Timestamp"), CultureInfo.InvariantCulture).ShouldBeInRange(morning.ToUnixTimeSeconds(), factory.Clock.GetUtcNow().ToUnixTimeSeconds());
        WebhookReceiver.SignatureIsValid(key, post).ShouldBeTrue();
        WebhookReceiver.SignatureIsValid(key + "x", post).ShouldBeFalse();
        WebhookReceiver.SignatureIsValid(key, post with { Body = post.Body + " " }).ShouldBeFalse();

        using var json = JsonDocument.Parse(post.Body);
        var root = json.RootElement;
        root.GetProperty("type").GetString().ShouldBe("lao.deadline-digest");
        root.GetProperty("lao").GetProperty("id").GetGuid().ShouldBe(tenant.Id);
        root.GetProperty("lao").GetProperty("name").GetString().ShouldBe(tenant.Name);
        var failing = root.GetProperty("failingItems").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        failing.ShouldContain("O21");
        failing.ShouldNotContain("O19");
    }

    [Fact]
    public async Task A_500_is_retried_after_its_backoff_and_delivered_once()
    {
        var (_, url, key, connectionId) = await ConnectAsync();
        factory.Webhooks.Respond(url, 500);

        await _kit.PlanAndSendAsync(_kit.NextMornings().First());
        var waiting = (await _kit.OutboxAsync(connectionId)).ShouldHaveSingleItem();
        waiting.State.ShouldBe(AlertState.Pending);
        waiting.LastError.ShouldNotBeNull().ShouldContain("500");
        factory.Clock.Advance(AlertMessage.Backoff(1));
        await _kit.SendAsync();
        await _kit.SendAsync();

        var posts = factory.Webhooks.PostsTo(url);
        posts.Select(p => p.Status).ShouldBe([500, 200]);
        posts.Select(p => p.Header("X-WiangHa-Delivery")).Distinct().ShouldBe([waiting.Id.ToString()]);
        posts.ShouldAllBe(p => WebhookReceiver.SignatureIsValid(key, p));
        (await _kit.OutboxAsync(connectionId)).ShouldHaveSingleItem().State.ShouldBe(AlertState.Sent);
    }

    [Fact]
    public async Task A_410_ends_the_alert_failed_and_it_is_not_tried_again()
    {
        var (_, url, _, connectionId) = await ConnectAsync();
        factory.Webhooks.Respond(url, 410);

        await _kit.PlanAndSendAsync(_kit.NextMornings().First());
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await _kit.SendAsync();

        var failed = (await _kit.OutboxAsync(connectionId)).ShouldHaveSingleItem();
        failed.State.ShouldBe(AlertState.Failed);
        failed.LastError.ShouldNotBeNull().ShouldContain("410");
        factory.Webhooks.PostsTo(url).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("https://10.20.30.40/hooks/internal")]        // a private network
    [InlineData("https://169.254.169.254/latest/meta-data")]  // the cloud metadata service
    public async Task A_webhook_to_an_internal_address_is_never_posted_and_fails_at_once_with_its_reason(string url)
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await ChannelTestKit.ConnectWebhookAsync(await BrowserlessClient.SignedInAsync(factory, tenant.Admin), $"/t/{tenant.Slug}/alerts", url);
        var connection = await _kit.ConnectionAsync(tenant.Id, null, AlertChannel.Webhook);

        await _kit.PlanAndSendAsync(_kit.NextMornings().First());

        var failed = (await _kit.OutboxAsync(connection.Id)).ShouldHaveSingleItem();
        failed.State.ShouldBe(AlertState.Failed);
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNull().ShouldContain("ที่อยู่ภายในหรือที่อยู่ส่วนตัว");
    }

    [Fact]
    public async Task A_province_webhook_connected_by_its_supervisor_gets_the_escalation_digest_naming_the_lao_at_risk()
    {
        var tenant = await factory.Data.CreateTenantAsync(); // province 57, never checked: chased
        var supervisor = await new DashboardTestData(factory).SupervisorAsync(WiangHa.Platform.Infrastructure.Identity.PlatformRoles.ProvincialSupervisor, "57");
        var url = factory.Webhooks.NewUrl();
        var key = await ChannelTestKit.ConnectWebhookAsync(supervisor, "/dashboards/provinces/57/alerts", url);
        var connection = await _kit.ConnectionAsync(null, "57", AlertChannel.Webhook);

        await _kit.PlanAndSendAsync(_kit.NextMornings().First());

        (await _kit.OutboxAsync(connection.Id)).ShouldHaveSingleItem().State.ShouldBe(AlertState.Sent);
        var post = factory.Webhooks.PostsTo(url).ShouldHaveSingleItem();
        WebhookReceiver.SignatureIsValid(key, post).ShouldBeTrue();
        using var json = JsonDocument.Parse(post.Body);
        json.RootElement.GetProperty("type").GetString().ShouldBe("province.escalation-digest");
        json.RootElement.GetProperty("province").GetProperty("code").GetString().ShouldBe("57");
        json.RootElement.GetProperty("laosAtRisk").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ShouldContain(tenant.Name);
    }
}
