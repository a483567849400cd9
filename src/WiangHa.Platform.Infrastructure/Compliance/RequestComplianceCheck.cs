using Microsoft.EntityFrameworkCore;
using Quartz;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>The run that will answer "check now" (a new one, or the one already queued).</summary>
public sealed record ComplianceCheckQueued(Guid RunId) : CommandResult;

/// <summary>Queues a "check now" run for the current tenant and hands it to the scheduler.</summary>
public sealed class RequestComplianceCheckHandler(PlatformDbContext db, ItaCatalogueQueries catalogues, ISchedulerFactory schedulers, TimeProvider clock)
{
    /// <summary>The queued run to follow, or not found when no manual of that year is published.</summary>
    public async Task<CommandResult> HandleAsync(Guid tenantId, int year, CancellationToken cancellationToken = default)
    {
        if (await catalogues.PublishedAsync(year, cancellationToken) is not { } manual)
        {
            return new CommandResult.NotFound();
        }

        // One queued check at a time per tenant and year: pressing the button twice follows the same run.
        var pending = await db.ComplianceRuns.Where(r => r.AssessmentYear == year && (r.State == ComplianceRunState.Queued || r.State == ComplianceRunState.Running))
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (pending is { } existing)
        {
            return new ComplianceCheckQueued(existing);
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
            .RequestRecovery() // completes the queued run once, even if the replica running it dies
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
        return new ComplianceCheckQueued(run.Id);
    }
}
