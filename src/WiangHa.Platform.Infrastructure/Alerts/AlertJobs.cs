using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Compliance;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// The morning's alerts (08:00 Bangkok, after the nightly run): plans the day's outbox rows, prunes old ones
/// (<see cref="CrossTenantAlertRetention"/>), then sends. The day is
/// the Bangkok date of the <em>scheduled</em> fire time, so a late or repeated firing plans the same day's keys.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AlertPlanningJob(IServiceScopeFactory scopes, SendAlerts sender) : IJob
{
    public static readonly JobKey Key = new("alert-planning", ComplianceSchedule.Group);

    /// <summary>A morning missed while every node was down is planned once when one comes back.</summary>
    public static readonly RecurringTrigger Trigger = new(
        new TriggerKey("alert-planning", ComplianceSchedule.Group), Key, o => o.AlertPlanningCron, CronTriggerMisfireInstruction.FireAndProceed);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RunAsync(ComplianceSchedule.ScheduledInstant(context), cancellationToken);

    public async Task<int> RunAsync(DateTimeOffset scheduledFireTime, CancellationToken cancellationToken = default)
    {
        var day = DateOnly.FromDateTime(ThaiTime.ToBangkok(scheduledFireTime).DateTime);
        int planned;
        await using (var scope = scopes.CreateAsyncScope())
        {
            planned = await scope.ServiceProvider.GetRequiredService<PlanAlerts>().RunAsync(day, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<CrossTenantAlertRetention>().PruneAsync(cancellationToken);
        }

        await sender.RunAsync(cancellationToken);
        return planned;
    }
}

/// <summary>Every minute: delivers what is due in the outbox (retries after an outage included).</summary>
[DisallowConcurrentExecution]
public sealed class AlertSendingJob(SendAlerts sender) : IJob
{
    public static readonly JobKey Key = new("alert-sending", ComplianceSchedule.Group);

    /// <summary>Missed minutes are not caught up one by one: the next firing drains everything due.</summary>
    public static readonly RecurringTrigger Trigger = new(
        new TriggerKey("alert-sending", ComplianceSchedule.Group), Key, o => o.AlertSendingCron, CronTriggerMisfireInstruction.DoNothing);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await sender.RunAsync(cancellationToken);
}
