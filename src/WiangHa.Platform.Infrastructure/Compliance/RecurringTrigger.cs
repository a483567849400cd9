using Quartz;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>
/// One recurring trigger of the platform's scheduler, defined in one place: <see cref="ComplianceSchedule"/> registers
/// exactly this definition, and tests build the very same trigger from their own clock, so they check what runs.
/// </summary>
/// <param name="Key">The trigger's identity in the job store.</param>
/// <param name="Job">The durable job it fires.</param>
/// <param name="Cron">Its cron expression, read from the scheduler's options (times are Asia/Bangkok).</param>
/// <param name="Misfire">What happens to a firing missed while no node was running.</param>
public sealed record RecurringTrigger(TriggerKey Key, JobKey Job, Func<ComplianceSchedulerOptions, string> Cron, CronTriggerMisfireInstruction Misfire)
{
    /// <summary>
    /// Starts at the clock's now rather than Quartz's default: the first firing is the first one after the
    /// injected clock's instant, so a pinned clock pins the schedule too.
    /// </summary>
    public void Configure(ITriggerConfigurator<IJob> trigger, ComplianceSchedulerOptions options, TimeProvider clock) =>
        trigger.WithIdentity(Key)
            .ForJob(Job)
            .StartAt(clock.GetUtcNow())
            .WithCronSchedule(Cron(options), cron => cron.InTimeZone(ComplianceSchedule.Bangkok).WithMisfireInstruction(Misfire));

    /// <summary>The trigger as the scheduler would hold it had it been built at <paramref name="clock"/>'s now.</summary>
    public ICronTrigger Build(ComplianceSchedulerOptions options, TimeProvider clock)
    {
        var builder = TriggerBuilder.Create(clock);
        Configure(builder, options, clock);
        return (ICronTrigger)builder.Build();
    }
}
