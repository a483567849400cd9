using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Infrastructure.Email;

/// <summary>
/// Drains the mail queue: claims a batch of due rows with one conditional update (<see cref="CrossTenantMailQueue"/>,
/// so two replicas never take the same row), sends each, and marks it sent; a failure waits
/// <see cref="OutgoingMail.Backoff"/> and is tried again, up to <see cref="OutgoingMail.MaxAttempts"/> times. A sender
/// that dies holding rows leaves a lease that runs out, and they are claimed again.
/// </summary>
public sealed class SendQueuedMail(IServiceScopeFactory scopes, PlatformMailer mailer, TimeProvider clock, ILogger<SendQueuedMail> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int BatchSize = 20;

    /// <summary>Sends everything due now; the number of mails sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var now = clock.GetUtcNow();
            var batch = await scope.ServiceProvider.GetRequiredService<CrossTenantMailQueue>().ClaimAsync(BatchSize, now, now + Lease, cancellationToken);
            if (batch.Count == 0)
            {
                return sent;
            }

            foreach (var mail in batch)
            {
                sent += await SendOneAsync(scope.ServiceProvider, mail, now, cancellationToken) ? 1 : 0;
            }
        }
    }

    private async Task<bool> SendOneAsync(IServiceProvider services, OutgoingMail mail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        mail.Attempts++;
        try
        {
            var message = mail.Kind == OutgoingMailKind.PasswordReset
                ? await services.GetRequiredService<PasswordResetMail>().ComposeAsync(mail, cancellationToken)
                : new EmailMessage(mail.To, mail.Subject, mail.TextBody, mail.HtmlBody, $"{mail.Id:N}@mail.wiangha");
            if (message is null)
            {
                mail.State = OutgoingMailState.Dropped;
            }
            else
            {
                await mailer.SendAsync(message, cancellationToken);
                mail.State = OutgoingMailState.Sent;
                mail.SentAt = clock.GetUtcNow();
            }

            mail.LastError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            mail.State = mail.Attempts >= OutgoingMail.MaxAttempts ? OutgoingMailState.Failed : OutgoingMailState.Pending;
            mail.NextAttemptAt = now + OutgoingMail.Backoff(mail.Attempts);
            mail.LastError = e.Message.Length <= 1000 ? e.Message : e.Message[..1000];
            // The address is not logged: it is personal data.
            logger.LogWarning("Queued mail {Id}, attempt {Attempt}: {Error}", mail.Id, mail.Attempts, LogText.WithoutAddresses(mail.LastError));
        }

        mail.LeaseUntil = null;
        mail.ClaimToken = null;
        await services.GetRequiredService<PlatformDbContext>().SaveChangesAsync(cancellationToken);
        return mail.State == OutgoingMailState.Sent;
    }
}

/// <summary>
/// The queue's one conditional write: a batch of due rows (pending and their time has come, or held by a sender whose
/// lease ran out) is stamped with a fresh claim token in one update that re-checks the condition, so of two senders
/// that picked the same ids each row goes to one; the rows carrying the token are then read back, tracked.
/// </summary>
public sealed class CrossTenantMailQueue(PlatformDbContext db)
{
    public async Task<List<OutgoingMail>> ClaimAsync(int batchSize, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var ids = await db.OutgoingMails.AsNoTracking().Where(Due(now)).OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(batchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var token = Guid.NewGuid();
        await db.OutgoingMails.Where(m => ids.Contains(m.Id)).Where(Due(now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutgoingMailState.Sending).SetProperty(m => m.LeaseUntil, leaseUntil).SetProperty(m => m.ClaimToken, token), cancellationToken);
        return await db.OutgoingMails.Where(m => m.ClaimToken == token).ToListAsync(cancellationToken);
    }

    private static System.Linq.Expressions.Expression<Func<OutgoingMail, bool>> Due(DateTimeOffset now) =>
        m => (m.State == OutgoingMailState.Pending && m.NextAttemptAt <= now) || (m.State == OutgoingMailState.Sending && m.LeaseUntil < now);
}

/// <summary>
/// This replica's sender, woken by <see cref="MailQueueSignal"/> when a request queued mail (off when
/// <see cref="EmailOptions.SendQueuedAtOnce"/> is false: then only <see cref="MailSendingJob"/> or a test drains).
/// </summary>
public sealed class MailQueueWorker(MailQueueSignal signal, SendQueuedMail sender, IOptions<EmailOptions> options, ILogger<MailQueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendQueuedAtOnce)
        {
            return;
        }

        try
        {
            while (true)
            {
                await signal.WaitAsync(stoppingToken);
                try
                {
                    await sender.RunAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The rows stay due (or leased until the lease runs out): the minute's job takes them.
                    logger.LogError(e, "Draining the mail queue failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Every minute: sends what is due in the mail queue (retries, and rows another replica left behind).</summary>
[DisallowConcurrentExecution]
public sealed class MailSendingJob(SendQueuedMail sender) : IJob
{
    public static readonly JobKey Key = new("mail-sending", "identity");

    /// <summary>Missed minutes are not caught up one by one: the next firing drains everything due.</summary>
    public static readonly RecurringTrigger Trigger = new(
        new TriggerKey("mail-sending", "identity"), Key, o => o.MailSendingCron, CronTriggerMisfireInstruction.DoNothing);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sender.RunAsync(cancellationToken);
}
