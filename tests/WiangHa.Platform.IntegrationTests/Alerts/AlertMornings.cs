using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Ita;

using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>
/// Mornings on which the alert job has something to plan. The test clock only moves forward, so a test that needs an
/// occasion takes the next one after the clock's now, whichever test of its class ran before it.
/// </summary>
public static class AlertMornings
{
    /// <summary>08:00 in Bangkok, when the planning job fires, as UTC (PostgreSQL stores only UTC instants).</summary>
    public static DateTimeOffset MorningOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), ThaiTime.BangkokOffset).ToUniversalTime();

    /// <summary>The 08:00 job of that morning (plan, then send), with the app's clock moved to it; the rows it added.</summary>
    public static async Task<int> RunJobAsync(PlatformFactory factory, DateTimeOffset morning)
    {
        factory.Clock.SetUtcNow(morning);
        await using var scope = factory.Scope();
        return await ActivatorUtilities.CreateInstance<AlertPlanningJob>(scope.ServiceProvider).RunAsync(morning);
    }

    /// <summary>The next 08:00 after now on which the provisional ITA calendar has an occasion under the default policy.</summary>
    public static DateTimeOffset NextOccasion(TimeProvider clock) => After(clock).First();

    /// <summary>Every such morning after now, in order, for two seasons (a test that needs several takes them one after the other).</summary>
    public static IEnumerable<DateTimeOffset> After(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var first = DateOnly.FromDateTime(ThaiTime.ToBangkok(now).DateTime);
        for (var day = first; day < first.AddYears(2); day = day.AddDays(1))
        {
            var year = day.Year + 543;
            var milestones = ProvisionalItaCalendar.For(year - 1).Concat(ProvisionalItaCalendar.For(year)).Concat(ProvisionalItaCalendar.For(year + 1));
            if (MorningOf(day) > now && AlertSchedule.Due(milestones, new AlertPolicy(), day).Count > 0)
            {
                yield return MorningOf(day);
            }
        }
    }
}
