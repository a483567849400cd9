using Microsoft.EntityFrameworkCore;
using Quartz;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>
/// Nightly check of every tenant. The slot is taken from the trigger's <em>scheduled</em> fire time, so a misfired
/// night fired late, or a second firing of the same night on another node, records nothing new.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NightlyComplianceJob(ComplianceRunner runner) : IJob
{
    public static readonly JobKey Key = new("nightly-compliance", ComplianceSchedule.Group);

    /// <summary>A night missed while every node was down runs once when one comes back (its slot is still that night).</summary>
    public static readonly RecurringTrigger Trigger = new(
        new TriggerKey("nightly-compliance", ComplianceSchedule.Group), Key, o => o.NightlyCron, CronTriggerMisfireInstruction.FireAndProceed);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunSlotAsync(context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);

    /// <summary>The job's work for one scheduled fire time; tests call this directly with a controlled clock.</summary>
    public Task<int> RunSlotAsync(DateTimeOffset scheduledFireTime, CancellationToken cancellationToken = default) =>
        runner.RunAllTenantsAsync(ComplianceRunner.NightlySlot(scheduledFireTime), cancellationToken);
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
