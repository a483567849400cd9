namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>The platform with a low API rate limit and one configured browser origin, to test the limiter and CORS.</summary>
public sealed class ApiLimitsFactory : PlatformFactory
{
    public const int ApiPerMinute = 5;
    public const string ConfiguredOrigin = "https://province-portal.example";

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        .. base.ExtraSettings,
        ("Security:RateLimits:ApiPerMinute", ApiPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Security:Cors:Origins:0", ConfiguredOrigin),
    ];
}
