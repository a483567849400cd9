namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The platform without its scheduler, for tests that move the clock across days and run the checks themselves:
/// a scheduler would fire the nightly runs it missed whenever the clock jumps.
/// </summary>
public sealed class QuietPlatformFactory : PlatformFactory
{
    protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Compliance:Scheduler:Enabled", "false")];
}
