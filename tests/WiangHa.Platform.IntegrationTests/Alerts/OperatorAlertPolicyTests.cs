using WiangHa.Platform.IntegrationTests.Infrastructure;
using static WiangHa.Platform.IntegrationTests.Alerts.OperatorAlerts;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>The operators' lead times decide the alert days: one class, since it owns the platform's policy and walks the clock.</summary>
public sealed class OperatorAlertPolicyTests(ChannelsPlatformFactory factory) : IClassFixture<ChannelsPlatformFactory>
{
    [Fact]
    public async Task Lead_days_of_10_alert_ten_days_before_a_milestone_and_no_longer_at_the_default_days()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await OperatorAsync(factory);
        (await client.PostFormAsync("/operator/alerts/policy", [new("Input.LeadDays", "10")])).ShouldBeRedirectTo("/operator/alerts/policy");

        // The provisional ITA 2570 answer window closes on 30 April 2027.
        await PlanAsync(factory, MorningOf(2027, 4, 20));
        (await KeysAsync(factory, tenant.Id)).ShouldContain(k => k.Contains("2570.oit-close.10", StringComparison.Ordinal));
        var tenDaysBefore = (await KeysAsync(factory, tenant.Id)).Count;

        await PlanAsync(factory, MorningOf(2027, 4, 23)); // 7 days before: the default, no longer the policy
        await PlanAsync(factory, MorningOf(2027, 5, 1));  // the day after: overdue notices are off
        (await KeysAsync(factory, tenant.Id)).Count.ShouldBe(tenDaysBefore);
    }
}
