using Microsoft.Extensions.Options;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Data;

/// <summary>Settings are bound and validated when the host starts (ADR 0008): a bad one stops it, naming the setting.</summary>
public sealed class OptionsValidationTests
{
    private sealed class ZeroSignInLimitFactory : PlatformFactory
    {
        protected override IEnumerable<(string Key, string Value)> ExtraSettings => [("Security:RateLimits:SignInPerMinute", "0")];
    }

    [Fact]
    public async Task A_setting_that_breaks_its_rule_stops_the_start_and_names_the_section()
    {
        var factory = new ZeroSignInLimitFactory();
        try
        {
            var failure = await Should.ThrowAsync<OptionsValidationException>(factory.InitializeAsync());
            failure.Message.ShouldContain("Security:RateLimits");
        }
        finally
        {
            await factory.DisposeAsync();
        }
    }
}
