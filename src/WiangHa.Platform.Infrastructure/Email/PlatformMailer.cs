using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace WiangHa.Platform.Infrastructure.Email;

/// <summary>
/// SMTP settings (<c>Email:*</c>). Without a host (the embedded default) mail is written as .eml files to
/// <see cref="PickupDirectory"/> so the demo works offline; the path is logged.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public bool UseStartTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@wiangha.local";
    public string FromName { get; set; } = "WiangHa Platform";
    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>
    /// Send queued mail as soon as a request queues it (this replica's <see cref="MailQueueWorker"/>); off, the queue is
    /// drained by the every-minute <see cref="MailSendingJob"/> only.
    /// </summary>
    public bool SendQueuedAtOnce { get; set; } = true;
}

/// <param name="MessageId">A stable Message-ID (an alert's id): a retried message that did arrive after all is recognised as the same.</param>
/// <param name="UnsubscribeUrl">For alert mail: <c>List-Unsubscribe</c> with RFC 8058's one-click POST, so a mail app's own button works.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, string? MessageId = null, string? UnsubscribeUrl = null);

/// <summary>
/// Sends mail with MailKit (Thai subjects are RFC 2047-encoded by MimeKit). Called by senders that run off the request:
/// <see cref="SendQueuedMail"/> (invitations, resets) and the alert outbox; requests queue mail (<see cref="MailQueue"/>).
/// </summary>
public sealed class PlatformMailer(IOptions<EmailOptions> emailOptions, TimeProvider clock, ILogger<PlatformMailer> logger)
{
    private readonly EmailOptions options = emailOptions.Value;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        if (message.MessageId is not null)
        {
            mime.MessageId = message.MessageId;
        }

        if (message.UnsubscribeUrl is not null)
        {
            mime.Headers.Add("List-Unsubscribe", $"<{message.UnsubscribeUrl}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();

        if (string.IsNullOrWhiteSpace(options.SmtpHost))
        {
            Directory.CreateDirectory(options.PickupDirectory);
            var path = Path.Combine(options.PickupDirectory, $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(path, cancellationToken);
            logger.LogInformation("No SMTP server configured: mail written to {Path}", path); // the recipient is personal data
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost, options.SmtpPort, options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
