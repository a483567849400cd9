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

/// <summary>Queues a "check now" run for the current tenant and hands it to the scheduler.</summary>
public sealed class RequestComplianceCheck(PlatformDbContext db, ItaCatalogueQueries catalogues, ISchedulerFactory schedulers, TimeProvider clock)
{
    /// <summary>The queued run's id, or null when no manual of that year is published.</summary>
    public async Task<Guid?> HandleAsync(Guid tenantId, int year, CancellationToken cancellationToken = default)
    {
        if (await catalogues.PublishedAsync(year, cancellationToken) is not { } manual)
        {
            return null;
        }

        // One queued check at a time per tenant and year: pressing the button twice follows the same run.
        var pending = await db.ComplianceRuns.Where(r => r.AssessmentYear == year && (r.State == ComplianceRunState.Queued || r.State == ComplianceRunState.Running))
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (pending is { } existing)
        {
            return existing;
        }

        var run = new ComplianceRun
        {
            Slot = "", Kind = ComplianceRunKind.OnDemand, State = ComplianceRunState.Queued, QueuedAt = clock.GetUtcNow(),
            AssessmentYear = year, ManualVersionId = manual.Id, ManualVersionNumber = manual.Number,
        };
        run.Slot = $"now:{run.Id:N}";
        db.ComplianceRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        var job = JobBuilder.Create<CheckNowJob>()
            .WithIdentity($"check-now-{run.Id:N}", ComplianceSchedule.Group)
            .UsingJobData(CheckNowJob.TenantIdKey, tenantId.ToString())
            .UsingJobData(CheckNowJob.RunIdKey, run.Id.ToString())
            .Build();
        // Built on the injected clock, the scheduler's own: a start time from another clock would leave the run
        // queued until that clock's "now" came round.
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity($"check-now-{run.Id:N}", ComplianceSchedule.Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
        return run.Id;
    }
}
