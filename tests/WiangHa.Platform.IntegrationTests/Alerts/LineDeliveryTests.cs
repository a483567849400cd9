using System.Text.Json;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>An LAO's LINE Official Account, connected by its admin, against a LINE-shaped receiver on 127.0.0.1.</summary>
public sealed class LineDeliveryTests(ChannelsPlatformFactory factory) : IClassFixture<ChannelsPlatformFactory>
{
    private readonly ChannelTestKit _kit = new(factory);

    private async Task<(TestTenant Tenant, string Target, string Token, Guid ConnectionId)> ConnectAsync(int quota = 300)
    {
        var tenant = await factory.Data.CreateTenantAsync($"องค์การบริหารส่วนตำบลเวียงหา {Guid.NewGuid():N}"[..40]);
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var target = TestSupport.LineReceiver.NewGroupId();
        var token = $"line-token-{Guid.NewGuid():N}";
        await ChannelTestKit.ConnectLineAsync(admin, $"/t/{tenant.Slug}/alerts", token, target, quota);
        var connection = await _kit.ConnectionAsync(tenant.Id, null, AlertChannel.Line);
        return (tenant, target, token, connection.Id);
    }

    [Fact]
    public async Task A_push_carries_the_thai_digest_to_the_saved_target_with_the_saved_token_and_the_alert_id_as_retry_key()
    {
        var (tenant, target, token, connectionId) = await ConnectAsync();

        await _kit.PlanAndSendAsync(_kit.NextMornings().First());

        var row = (await _kit.OutboxAsync(connectionId)).ShouldHaveSingleItem();
        row.State.ShouldBe(AlertState.Sent, row.LastError);
        var push = factory.Line.PushesTo(target).ShouldHaveSingleItem();
        push.Method.ShouldBe("POST");
        push.Path.ShouldBe("/v2/bot/message/push");
        push.Header("Authorization").ShouldBe($"Bearer {token}");
        push.Header("X-Line-Retry-Key").ShouldBe(row.Id.ToString());
        push.Header("Content-Type").ShouldStartWith("application/json");
        using var json = JsonDocument.Parse(push.Body);
        json.RootElement.GetProperty("to").GetString().ShouldBe(target);
        var message = json.RootElement.GetProperty("messages").EnumerateArray().ShouldHaveSingleItem();
        message.GetProperty("type").GetString().ShouldBe("text");
        var text = message.GetProperty("text").GetString().ShouldNotBeNull();
        text.ShouldBe(row.TextBody);
        text.ShouldContain(tenant.Name);
        text.Length.ShouldBeLessThanOrEqualTo(5000);
    }

    [Fact]
    public async Task A_500_is_retried_after_its_backoff_and_the_alert_is_delivered_exactly_once()
    {
        var (_, target, _, connectionId) = await ConnectAsync();
        factory.Line.Respond(target, 500);

        await _kit.PlanAndSendAsync(_kit.NextMornings().First());
        var waiting = (await _kit.OutboxAsync(connectionId)).ShouldHaveSingleItem();
        waiting.State.ShouldBe(AlertState.Pending);
        waiting.Attempts.ShouldBe(1);
        waiting.LastError.ShouldNotBeNull().ShouldContain("500");

        await _kit.SendAsync(); // not before its backoff
        factory.Line.PushesTo(target).Count.ShouldBe(1);
        factory.Clock.Advance(AlertMessage.Backoff(1));
        await _kit.SendAsync();
        await _kit.SendAsync();

        var pushes = factory.Line.PushesTo(target);
        pushes.Select(p => p.Status).ShouldBe([500, 200]);
        pushes.Select(p => p.Header("X-Line-Retry-Key")).Distinct().ShouldBe([waiting.Id.ToString()]);
        var sent = (await _kit.OutboxAsync(connectionId)).ShouldHaveSingleItem();
        sent.State.ShouldBe(AlertState.Sent);
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task A_401_ends_the_alert_failed_at_once_with_its_reason_on_the_outbox_row()
    {
        var (_, target, _, connectionId) = await ConnectAsync();
        factory.Line.Respond(target, 401);

        await _kit.PlanAndSendAsync(_kit.NextMornings().First());
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await _kit.SendAsync();

        var failed = (await _kit.OutboxAsync(connectionId)).ShouldHaveSingleItem();
        failed.State.ShouldBe(AlertState.Failed);
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNull().ShouldContain("401");
        failed.LastError.ShouldContain("token");
        factory.Line.PushesTo(target).Count.ShouldBe(1);
    }

    [Fact]
    public async Task With_a_quota_of_two_the_third_message_of_the_month_fails_with_the_quota_reason_and_only_two_reach_line()
    {
        const int quota = 2;
        var (_, target, _, connectionId) = await ConnectAsync(quota);
        var mornings = _kit.NextMornings().GroupBy(m => (ThaiTime.ToBangkok(m).Year, ThaiTime.ToBangkok(m).Month)).First(g => g.Count() > quota).Take(quota + 1).ToList();

        foreach (var morning in mornings)
        {
            await _kit.PlanAndSendAsync(morning);
        }

        var rows = await _kit.OutboxAsync(connectionId);
        rows.Count.ShouldBe(quota + 1);
        rows.Take(quota).ShouldAllBe(r => r.State == AlertState.Sent);
        rows[quota].State.ShouldBe(AlertState.Failed);
        rows[quota].LastError.ShouldNotBeNull().ShouldContain($"เกินโควตา LINE ของเดือนนี้ ({quota} ข้อความ)");
        factory.Line.PushesTo(target).Count.ShouldBe(quota);
    }
}
