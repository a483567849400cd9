using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Reports.Import;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>
/// Nightly check of every tenant. The slot is taken from the trigger's <em>scheduled</em> fire time, so a misfired
/// night fired late, or a second firing of the same night on another node, records nothing new.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NightlyComplianceJob(ComplianceRunner runner, IServiceScopeFactory scopes, ILogger<NightlyComplianceJob> logger) : IJob
{
    public static readonly JobKey Key = new("nightly-compliance", ComplianceSchedule.Group);

    /// <summary>A night missed while every node was down runs once when one comes back (its slot is still that night).</summary>
    public static readonly RecurringTrigger Trigger = new(
        new TriggerKey("nightly-compliance", ComplianceSchedule.Group), Key, o => o.NightlyCron, CronTriggerMisfireInstruction.FireAndProceed);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var scheduled = ComplianceSchedule.ScheduledInstant(context);
        logger.LogInformation("Nightly compliance {Slot} started on {Instance} (recovering: {Recovering})",
            ComplianceRunner.NightlySlot(scheduled), context.Scheduler.SchedulerInstanceId, context.Recovering);
        await RunSlotAsync(scheduled, cancellationToken);
    }

    /// <summary>
    /// The job's work for one scheduled fire time: every tenant's run, then the day's province figures (the trends),
    /// the history's retention and the expiry of import previews. Tests call this directly with a controlled clock.
    /// </summary>
    public async Task<int> RunSlotAsync(DateTimeOffset scheduledFireTime, CancellationToken cancellationToken = default)
    {
        var recorded = await runner.RunAllTenantsAsync(ComplianceRunner.NightlySlot(scheduledFireTime), cancellationToken);
        var day = DateOnly.FromDateTime(ThaiTime.ToBangkok(scheduledFireTime).DateTime);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var years = await services.GetRequiredService<ItaCatalogueQueries>().PublishedYearsAsync(cancellationToken);
        foreach (var year in years)
        {
            await services.GetRequiredService<ProvinceDayFigureWriter>().RecordAsync(year, day, cancellationToken);
        }

        if (years.Count > 0)
        {
            await services.GetRequiredService<CrossTenantComplianceHistory>().PruneAsync(day, years[0], cancellationToken);
        }

        // The night's housekeeping: previews never confirmed expire (they are re-made by uploading again).
        await services.GetRequiredService<CrossTenantImportPreviewRetention>().PruneAsync(cancellationToken);

        return recorded;
    }
}

/// <summary>"Check now" for one tenant: the job data carries the tenant id and the queued run's id.</summary>
[DisallowConcurrentExecution]
public sealed class CheckNowJob(ComplianceRunner runner) : IJob
{
    public const string TenantIdKey = "tenantId";
    public const string RunIdKey = "runId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        await runner.RunQueuedAsync(Guid.Parse(data.GetString(TenantIdKey)!), Guid.Parse(data.GetString(RunIdKey)!), cancellationToken);
    }
}

/// <summary>Weekly evidence-link sweep over every tenant's disclosure URLs.</summary>
[DisallowConcurrentExecution]
public sealed class LinkSweepJob(ComplianceRunner runner) : IJob
{
    public static readonly JobKey Key = new("link-sweep", ComplianceSchedule.Group);

    /// <summary>A missed sweep is skipped: the next week's sweep will do.</summary>
    public static readonly RecurringTrigger Trigger = new(
        new TriggerKey("link-sweep", ComplianceSchedule.Group), Key, o => o.LinkSweepCron, CronTriggerMisfireInstruction.DoNothing);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await runner.SweepAllLinksAsync(cancellationToken);
}
