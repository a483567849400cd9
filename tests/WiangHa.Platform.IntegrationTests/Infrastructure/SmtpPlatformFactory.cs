using WiangHa.Platform.TestSupport;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>The platform sending its mail to a real SMTP server on 127.0.0.1 that the tests read.</summary>
public class SmtpPlatformFactory : PlatformFactory
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        ("Email:SmtpHost", "127.0.0.1"),
        ("Email:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Email:FromAddress", "no-reply@wiangha.test"),
    ];

    public override async Task InitializeAsync()
    {
        Smtp.Start();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>A factory whose sign-in form allows only three attempts a minute per IP.</summary>
public sealed class StrictRateLimitPlatformFactory : PlatformFactory
{
    public const int SignInsPerMinute = 3;

    protected override int RateLimitSignIns => SignInsPerMinute;
}
