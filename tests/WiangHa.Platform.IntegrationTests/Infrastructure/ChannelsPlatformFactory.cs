using WiangHa.Platform.TestSupport;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The platform with its mail on a test SMTP server, LINE's Messaging API pointed at a LINE-shaped receiver on
/// 127.0.0.1 and webhooks allowed to reach a receiver there too (plain http to loopback: tests only). No scheduler:
/// the tests plan and send themselves.
/// </summary>
public sealed class ChannelsPlatformFactory : SmtpPlatformFactory
{
    private LineReceiver? _line;
    private WebhookReceiver? _webhooks;

    public LineReceiver Line => _line ?? throw new InvalidOperationException("Not initialised.");

    public WebhookReceiver Webhooks => _webhooks ?? throw new InvalidOperationException("Not initialised.");

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        .. base.ExtraSettings,
        ("Alerts:Channels:LineApiBaseAddress", Line.BaseAddress.ToString()),
        ("Alerts:Channels:AllowLoopbackWebhooks", "true"),
        ("Alerts:Channels:Timeout", "00:00:05"),
        // The tests run the morning job and the sender by hand; a scheduler firing the jobs it missed whenever a
        // test moves the clock would claim rows from under them.
        ("Compliance:Scheduler:Enabled", "false"),
    ];

    public override async Task InitializeAsync()
    {
        _line = await LineReceiver.StartAsync();
        _webhooks = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Line.DisposeAsync();
        await Webhooks.DisposeAsync();
    }
}
