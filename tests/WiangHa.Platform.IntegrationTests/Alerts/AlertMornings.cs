using Microsoft.Extensions.Time.Testing;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Ita;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>
/// Mornings on which the alert job has something to plan. The test clock only moves forward, so a test that needs an
/// occasion takes the next one after the clock's now, whichever test of its class ran before it.
/// </summary>
public static class AlertMornings
{
    /// <summary>08:00 in Bangkok, when the planning job fires, as UTC (PostgreSQL stores only UTC instants).</summary>
    public static DateTimeOffset MorningOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), ThaiTime.BangkokOffset).ToUniversalTime();

    /// <summary>The next 08:00 after now on which the provisional ITA 2570–2571 calendar has an occasion under the default policy.</summary>
    public static DateTimeOffset NextOccasion(FakeTimeProvider clock)
    {
        var milestones = ProvisionalItaCalendar.For(2570).Concat(ProvisionalItaCalendar.For(2571)).ToList();
        for (var day = DateOnly.FromDateTime(ThaiTime.ToBangkok(clock.GetUtcNow()).DateTime).AddDays(1); ; day = day.AddDays(1))
        {
            if (AlertSchedule.Due(milestones, new AlertPolicy(), day).Count > 0)
            {
                return MorningOf(day);
            }
        }
    }
}
