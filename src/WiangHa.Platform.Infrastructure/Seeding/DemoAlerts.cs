using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Alerts;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>
/// The demo's alerts, as if the platform had been running all season: the morning job of the latest alert day up to
/// today (the ITA calendar under the operators' policy) is run once, so the bell of the demo's clerks and supervisor
/// shows what that morning told them. Planning is idempotent, so every start may do it; the scheduler takes over.
/// </summary>
public sealed class DemoAlerts(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>How far back a demo looks for its latest alert day (the gap between results and the next registration).</summary>
    private const int LookBackDays = 150;

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(clock.GetUtcNow()).DateTime);
        await using var scope = scopes.CreateAsyncScope();
        var calendar = scope.ServiceProvider.GetRequiredService<MilestoneCalendar>();
        var policy = await calendar.PolicyAsync(cancellationToken);
        var year = today.Year + 543;
        var milestones = (await calendar.ForYearAsync(year - 1, cancellationToken)).Concat(await calendar.ForYearAsync(year, cancellationToken))
            .Concat(await calendar.ForYearAsync(year + 1, cancellationToken)).ToList();
        for (var day = today; day > today.AddDays(-LookBackDays); day = day.AddDays(-1))
        {
            if (AlertSchedule.Due(milestones, policy, day).Count > 0)
            {
                var planned = await scope.ServiceProvider.GetRequiredService<PlanAlerts>().RunAsync(day, cancellationToken);
                await scope.ServiceProvider.GetRequiredService<SendAlerts>().RunAsync(cancellationToken);
                return planned;
            }
        }

        return 0;
    }
}
