using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>Delivers one outbox row on its channel. Throws <see cref="PermanentDeliveryException"/> when retrying cannot help.</summary>
public interface IAlertDelivery
{
    AlertChannel Channel { get; }

    Task DeliverAsync(AlertMessage message, CancellationToken cancellationToken);
}

/// <summary>The channel refused the message for good (a malformed address, a revoked token): no more attempts.</summary>
public sealed class PermanentDeliveryException(string message) : Exception(message);

public sealed record SendSummary(int Sent, int Retrying, int Failed);

/// <summary>
/// Drains the outbox: each due row is claimed with a conditional update (so two senders never take the same row),
/// delivered, and marked sent; a failure waits <see cref="AlertMessage.Backoff"/> and is tried again, up to
/// <see cref="AlertMessage.MaxAttempts"/> times, then shows as failed in the operators' outbox. A sender that dies
/// holding a row leaves a lease that runs out, and the row is claimed again.
/// </summary>
public sealed class SendAlerts(IServiceScopeFactory scopes, TimeProvider clock, PlatformMetrics metrics, IOptions<AlertChannelOptions> options, ILogger<SendAlerts> logger)
{
    private const int BatchSize = 100;

    public async Task<SendSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        int sent = 0, retrying = 0, failed = 0;
        var now = clock.GetUtcNow();
        var tried = new HashSet<Guid>();
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var due = await db.AlertMessages.AsNoTracking()
                .Where(m => (m.State == AlertState.Pending && m.NextAttemptAt <= now) || (m.State == AlertState.Sending && m.LeaseUntil < now))
                .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            due.RemoveAll(tried.Contains);
            if (due.Count == 0)
            {
                return new SendSummary(sent, retrying, failed);
            }

            foreach (var id in due)
            {
                tried.Add(id);
                var outcome = await SendOneAsync(scope.ServiceProvider, id, now, cancellationToken);
                sent += outcome == AlertState.Sent ? 1 : 0;
                retrying += outcome == AlertState.Pending ? 1 : 0;
                failed += outcome == AlertState.Failed ? 1 : 0;
            }
        }
    }

    private async Task<AlertState?> SendOneAsync(IServiceProvider services, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        if (!await services.GetRequiredService<CrossTenantAlertOutbox>().ClaimAsync(id, now, now + options.Value.SendLease, cancellationToken))
        {
            return null; // another sender has it
        }

        var message = await db.AlertMessages.SingleAsync(m => m.Id == id, cancellationToken);
        var delivery = services.GetServices<IAlertDelivery>().Single(d => d.Channel == message.Channel);
        message.Attempts++;
        try
        {
            await delivery.DeliverAsync(message, cancellationToken);
            message.State = AlertState.Sent;
            message.SentAt = clock.GetUtcNow();
            message.LastError = null;
            metrics.AlertSent(message.Channel.ToString());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var permanent = e is PermanentDeliveryException || message.Attempts >= AlertMessage.MaxAttempts;
            message.State = permanent ? AlertState.Failed : AlertState.Pending;
            message.NextAttemptAt = now + AlertMessage.Backoff(message.Attempts);
            message.LastError = Truncate($"{e.GetType().Name}: {e.Message}", 1000);
            metrics.AlertFailed(message.Channel.ToString());
            // The address and the body are not logged: they are personal data (nor an address a server's refusal quotes).
            logger.LogWarning("Alert {Id} on {Channel}, attempt {Attempt}: {Error}", message.Id, message.Channel, message.Attempts, LogText.WithoutAddresses(message.LastError));
        }

        message.LeaseUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return message.State;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>
/// The outbox's one conditional write: a row is claimed only if it is still due (pending and its time has come, or held
/// by a sender whose lease ran out), so two senders never take the same row. Cross-tenant: the sender serves every LAO.
/// </summary>
public sealed class CrossTenantAlertOutbox(PlatformDbContext db)
{
    public async Task<bool> ClaimAsync(Guid id, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        await db.AlertMessages
            .Where(m => m.Id == id && ((m.State == AlertState.Pending && m.NextAttemptAt <= now) || (m.State == AlertState.Sending && m.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, AlertState.Sending).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken) == 1;
}

/// <summary>The notification centre: a row per alert, keyed by the alert's id, so a retried delivery adds nothing.</summary>
public sealed class InAppDelivery(PlatformDbContext db) : IAlertDelivery
{
    public AlertChannel Channel => AlertChannel.InApp;

    public async Task DeliverAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        if (message.RecipientUserId is not { } user || await db.Notifications.AnyAsync(n => n.Id == message.Id, cancellationToken))
        {
            return;
        }

        db.Notifications.Add(new Notification
        {
            Id = message.Id, UserId = user, Title = message.Subject, Body = message.TextBody,
            LinkPath = message.LinkPath, CreatedAt = message.CreatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// Email through the platform's SMTP server (MailKit): Thai subject, plain text and HTML, the alert's id as Message-ID,
/// and a one-click unsubscribe (RFC 8058) made fresh at sending.
/// </summary>
public sealed class EmailDelivery(PlatformMailer mailer, IDataProtectionProvider protection, IConfiguration configuration, TimeProvider clock) : IAlertDelivery
{
    public AlertChannel Channel => AlertChannel.Email;

    public async Task DeliverAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        if (!MimeKit.MailboxAddress.TryParse(message.Address, out _))
        {
            throw new PermanentDeliveryException("ที่อยู่อีเมลไม่ถูกต้อง");
        }

        var unsubscribe = message.RecipientUserId is { } user
            ? AlertPreferenceLinks.BaseUrl(configuration) + AlertPreferenceLinks.OneClickPathFor(protection, clock, user)
            : null;
        await mailer.SendAsync(new EmailMessage(message.Address, message.Subject, message.TextBody, message.HtmlBody, $"{message.Id:N}@alerts.wiangha", unsubscribe), cancellationToken);
    }
}
