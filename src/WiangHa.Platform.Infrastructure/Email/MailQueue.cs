using System.Threading.Channels;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Email;

/// <summary>
/// Where request paths put mail: a row in <see cref="OutgoingMail"/>, saved with the rest of the unit of work (an
/// invitation and its mail commit together), then this replica's sender is woken. Nothing is sent inside the request.
/// </summary>
public sealed class MailQueue(PlatformDbContext db, MailQueueSignal signal, TimeProvider clock)
{
    /// <summary>Adds <paramref name="message"/> and saves everything the context holds, then wakes the sender.</summary>
    public async Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
        await EnqueueAsync(new OutgoingMail
        {
            Kind = OutgoingMailKind.Message, To = message.To, Subject = message.Subject, TextBody = message.TextBody, HtmlBody = message.HtmlBody,
            CreatedAt = clock.GetUtcNow(), NextAttemptAt = clock.GetUtcNow(),
        }, cancellationToken);

    public async Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        db.OutgoingMails.Add(mail);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
    }
}

/// <summary>
/// Wakes this replica's <see cref="MailQueueWorker"/> when a row was queued, so mail leaves within moments rather than at
/// the next minute's <see cref="MailSendingJob"/>. A wake-up while the worker is busy is kept (one at most).
/// </summary>
public sealed class MailQueueSignal
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakeUps.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken) => await _wakeUps.Reader.ReadAsync(cancellationToken);
}
