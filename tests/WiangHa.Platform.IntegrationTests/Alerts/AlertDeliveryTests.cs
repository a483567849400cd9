using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>The outbox against a mail server that refuses mail for a while, then for good: alerts wait, arrive once, or show as failed.</summary>
public sealed class AlertDeliveryTests(ChannelsPlatformFactory factory) : IClassFixture<ChannelsPlatformFactory>
{
    [Fact]
    public async Task While_the_mail_server_refuses_alerts_wait_and_arrive_exactly_once_when_it_recovers()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        factory.Clock.SetUtcNow(AlertMornings.NextOccasion(factory.Clock));
        factory.Smtp.RefuseMail = true;
        try
        {
            await PlanAndSendAsync();
            await PlanAndSendAsync(); // fired twice while the server is down
        }
        finally
        {
            factory.Smtp.RefuseMail = false;
        }

        var email = await OutboxAsync(tenant.Admin.Id, AlertChannel.Email);
        email.State.ShouldBe(AlertState.Pending);
        email.Attempts.ShouldBe(1);
        email.LastError.ShouldNotBeNull().ShouldContain("SmtpCommandException");
        (await OutboxAsync(tenant.Admin.Id, AlertChannel.InApp)).State.ShouldBe(AlertState.Sent);
        factory.Smtp.Received.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == tenant.Admin.Email));

        // Not before its backoff; then once, however often the sender runs.
        await SendAsync();
        factory.Smtp.Received.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == tenant.Admin.Email));
        factory.Clock.Advance(AlertMessage.Backoff(1));
        await SendAsync();
        await SendAsync();

        factory.Smtp.Received.Count(m => m.To.Mailboxes.Any(a => a.Address == tenant.Admin.Email)).ShouldBe(1);
        var sent = await OutboxAsync(tenant.Admin.Id, AlertChannel.Email);
        sent.State.ShouldBe(AlertState.Sent);
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task An_alert_refused_at_every_attempt_ends_failed_with_its_reason()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        factory.Clock.SetUtcNow(AlertMornings.NextOccasion(factory.Clock));
        factory.Smtp.RefuseMail = true;
        try
        {
            await PlanAndSendAsync();
            for (var attempt = 1; attempt < AlertMessage.MaxAttempts; attempt++)
            {
                factory.Clock.Advance(AlertMessage.Backoff(attempt));
                await SendAsync();
            }
        }
        finally
        {
            factory.Smtp.RefuseMail = false;
        }

        var failed = await OutboxAsync(tenant.Admin.Id, AlertChannel.Email);
        failed.State.ShouldBe(AlertState.Failed);
        failed.Attempts.ShouldBe(AlertMessage.MaxAttempts);
        failed.LastError.ShouldNotBeNull().ShouldContain("4.3.2");
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await SendAsync();
        (await OutboxAsync(tenant.Admin.Id, AlertChannel.Email)).Attempts.ShouldBe(AlertMessage.MaxAttempts);
    }

    [Fact]
    public async Task Four_planners_and_two_senders_on_the_same_morning_send_each_alert_once()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var morning = AlertMornings.NextOccasion(factory.Clock);
        factory.Clock.SetUtcNow(morning);

        // As four replicas whose jobs fired at once, or one job fired again after a restart.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = factory.Scope();
            await ActivatorUtilities.CreateInstance<AlertPlanningJob>(scope.ServiceProvider).RunAsync(morning);
        }));
        await Task.WhenAll(SendAsync(), SendAsync());

        foreach (var person in new[] { tenant.Admin, tenant.Editor })
        {
            factory.Smtp.Received.Count(m => m.To.Mailboxes.Any(a => a.Address == person.Email)).ShouldBe(1);
            (await OutboxAsync(person.Id, AlertChannel.Email)).Attempts.ShouldBe(1);
            (await OutboxAsync(person.Id, AlertChannel.InApp)).State.ShouldBe(AlertState.Sent);
        }
    }

    [Fact]
    public async Task The_morning_job_prunes_alerts_delivered_more_than_400_days_ago_and_year_old_notifications_but_never_pending_ones()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var now = factory.Clock.GetUtcNow();
        var marker = Guid.NewGuid().ToString("N");
        AlertMessage Row(string name, AlertState state, int daysAgo) => new()
        {
            IdempotencyKey = $"test:{marker}:{name}", Channel = AlertChannel.InApp, ProvinceCode = "57", Subject = name, TextBody = name,
            State = state, CreatedAt = now.AddDays(-daysAgo), NextAttemptAt = now.AddDays(1),
        };
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.AlertMessages.AddRange(Row("old-sent", AlertState.Sent, 401), Row("old-failed", AlertState.Failed, 401), Row("recent-sent", AlertState.Sent, 399),
                Row("old-pending", AlertState.Pending, 500));
            db.Notifications.AddRange(
                new Notification { Id = Guid.NewGuid(), UserId = tenant.Admin.Id, Title = "old", Body = "old", CreatedAt = now.AddDays(-366) },
                new Notification { Id = Guid.NewGuid(), UserId = tenant.Admin.Id, Title = "recent", Body = "recent", CreatedAt = now.AddDays(-364) });
            await db.SaveChangesAsync();
        }

        await PlanAndSendAsync();

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            (await db.AlertMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith($"test:{marker}:")).Select(m => m.Subject).ToListAsync())
                .ShouldBe(["recent-sent", "old-pending"], ignoreOrder: true);
            (await db.Notifications.AsNoTracking().Where(n => n.UserId == tenant.Admin.Id).Select(n => n.Title).ToListAsync())
                .ShouldNotContain("old");
            (await db.Notifications.AsNoTracking().CountAsync(n => n.UserId == tenant.Admin.Id && n.Title == "recent")).ShouldBe(1);
        }
    }

    private async Task PlanAndSendAsync()
    {
        await using var scope = factory.Scope();
        await ActivatorUtilities.CreateInstance<AlertPlanningJob>(scope.ServiceProvider).RunAsync(factory.Clock.GetUtcNow());
    }

    private Task<SendSummary> SendAsync() => factory.Services.GetRequiredService<SendAlerts>().RunAsync();

    private async Task<AlertMessage> OutboxAsync(Guid recipient, AlertChannel channel)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AlertMessages.AsNoTracking()
            .SingleAsync(m => m.RecipientUserId == recipient && m.Channel == channel);
    }
}
