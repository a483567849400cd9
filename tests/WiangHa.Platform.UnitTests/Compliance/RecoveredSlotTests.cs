using Quartz;
using Quartz.Extensibility;
using WiangHa.Platform.Infrastructure.Compliance;

namespace WiangHa.Platform.UnitTests.Compliance;

/// <summary>
/// A night recovered on another replica keeps its slot: the instant is read from the recovery data Quartz puts on the
/// recovery trigger, in Quartz's own format, not from the (later) recovery firing.
/// </summary>
public sealed class RecoveredSlotTests
{
    private sealed class NothingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    [Fact]
    public void A_recovered_firing_stands_for_the_original_scheduled_instant()
    {
        var scheduled = new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero); // 02:00 on 5 December in Bangkok
        var context = JobExecutionContextBuilder.For(new NothingJob()).FiredAt(scheduled.AddSeconds(3), scheduled).Recovering().Build();

        ComplianceSchedule.OriginalScheduledInstant(context).ShouldBe(scheduled);
        ComplianceRunner.NightlySlot(ComplianceSchedule.ScheduledInstant(context)).ShouldBe("nightly:2026-12-05");
    }

    [Fact]
    public void A_first_firing_stands_for_its_own_scheduled_instant()
    {
        var scheduled = new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero);
        var context = JobExecutionContextBuilder.For(new NothingJob()).FiredAt(scheduled.AddSeconds(3), scheduled).Build();

        ComplianceSchedule.OriginalScheduledInstant(context).ShouldBeNull();
        ComplianceSchedule.ScheduledInstant(context).ShouldBe(scheduled);
    }
}
