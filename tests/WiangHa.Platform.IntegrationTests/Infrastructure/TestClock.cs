using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The clock of the test hosts: every read of "now" in the app (defaults of the current fiscal and assessment year,
/// expiries, job schedules, timestamps) sees the same day whatever day the tests run on.
/// </summary>
public static class TestClock
{
    /// <summary>10:00 in Bangkok on 1 December 2026: fiscal year 2570, before the ITA answer window opens.</summary>
    public static readonly DateTimeOffset PinnedAt = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Each read moves the clock on by a millisecond, as real time would between two reads: rows written one after
    /// the other keep distinct, ordered timestamps (the newest run, the latest import), and a timer armed on this
    /// clock (the scheduler's idle wait) still comes due. A whole test class reads it some thousands of times, so it
    /// stays within minutes of <see cref="PinnedAt"/>; tests that need a later day advance it themselves.
    /// </summary>
    public static FakeTimeProvider Create() => new(PinnedAt) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>Puts <paramref name="clock"/> in the place of the system clock the app registers.</summary>
    public static IWebHostBuilder UseClock(this IWebHostBuilder builder, TimeProvider clock) =>
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
        });
}
