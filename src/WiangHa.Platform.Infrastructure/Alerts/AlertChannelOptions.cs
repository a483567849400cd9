namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>How the platform reaches LINE and outgoing webhooks (section <c>Alerts:Channels</c>).</summary>
public sealed class AlertChannelOptions
{
    public const string SectionName = "Alerts:Channels";

    /// <summary>The Messaging API's address; tests point it at a LINE-shaped receiver of their own.</summary>
    public Uri LineApiBaseAddress { get; set; } = new("https://api.line.me");

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a sender holds a claimed alert. A replica that dies mid-send leaves its claim; another replica takes the
    /// alert over when the lease ends. It must outlast any send (the channel and SMTP timeouts), or a slow send could
    /// be taken over and sent twice.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tests only: lets webhooks go to http://127.0.0.1 / ::1 / localhost. Elsewhere a webhook must be https.</summary>
    public bool AllowLoopbackWebhooks { get; set; }

    /// <summary>The quota a new LINE connection starts with: the free plan's messages a month.</summary>
    public int DefaultLineMonthlyQuota { get; set; } = 300;

    /// <summary>https anywhere; plain http only to the machine itself, and only when the tests allow it.</summary>
    public bool AllowsWebhook(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && AllowLoopbackWebhooks && uri.IsLoopback));
}
