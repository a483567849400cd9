using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Compliance;

/// <summary>
/// Two clustered schedulers (two "replicas", each its own container) against one PostgreSQL database: every trigger
/// fires once in the cluster, and the nightly work records one run per tenant. The nodes run on the real clock: a
/// cluster's check-ins, locks and firings are real waits between two schedulers, which no single fake clock drives.
/// </summary>
[Trait("Category", "PostgresOnly")]
public sealed class ClusteredSchedulerTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    /// <summary>Counts firings per trigger across both nodes, then does the nightly work for the trigger's slot.</summary>
    [DisallowConcurrentExecution]
    public sealed class CountingNightlyJob(ComplianceRunner runner) : IJob
    {
        public static readonly ConcurrentDictionary<string, ConcurrentBag<string>> Firings = new();

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Firings.GetOrAdd(context.Trigger.Key.Name, _ => []).Add(context.Scheduler.SchedulerInstanceId);
            await runner.RunAllTenantsAsync(ComplianceRunner.NightlySlot(context.ScheduledFireTimeUtc ?? context.FireTimeUtc), cancellationToken);
        }
    }

    private ServiceProvider RealClockNode(string clusterName) => SchedulerNode.Build(new Dictionary<string, string?>
    {
        ["Database:Provider"] = factory.Database.Provider.ToString(),
        ["ConnectionStrings:Platform"] = factory.Database.ConnectionString,
        ["Compliance:Scheduler:Name"] = clusterName,
        ["Compliance:Scheduler:Enabled"] = "false", // started by hand below
    });

    [Fact]
    public async Task Two_schedulers_on_one_database_fire_each_trigger_once()
    {
        var tenants = new[] { await factory.Data.CreateTenantAsync(), await factory.Data.CreateTenantAsync() };
        var cluster = $"cluster-{Guid.NewGuid():N}";
        await using var first = RealClockNode(cluster);
        await using var second = RealClockNode(cluster);
        var schedulerA = await first.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var schedulerB = await second.GetRequiredService<ISchedulerFactory>().GetScheduler();
        schedulerA.SchedulerInstanceId.ShouldNotBe(schedulerB.SchedulerInstanceId);
        await schedulerA.Start();
        await schedulerB.Start();

        var job = JobBuilder.Create<CountingNightlyJob>().WithIdentity($"counting-{cluster}", "test").StoreDurably().Build();
        await schedulerA.AddJob(job, default);
        var clock = schedulerA.TimeProvider;
        var start = clock.GetUtcNow().AddSeconds(2);
        var triggers = Enumerable.Range(0, 4).Select(i => TriggerBuilder.Create(clock)
            .WithIdentity($"{cluster}-{i}", "test").ForJob(job.Key).StartAt(start.AddMilliseconds(200 * i))
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build()).ToList();
        foreach (var trigger in triggers)
        {
            await (trigger.Key.Name.EndsWith('1') ? schedulerB : schedulerA).ScheduleJob(trigger, default);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (triggers.Any(t => !CountingNightlyJob.Firings.ContainsKey(t.Key.Name)) && await poll.WaitForNextTickAsync(timeout.Token))
        {
        }

        await schedulerA.Standby();
        await schedulerB.Standby();
        foreach (var trigger in triggers)
        {
            CountingNightlyJob.Firings[trigger.Key.Name].Count.ShouldBe(1, trigger.Key.Name);
        }

        await using var scope = factory.Scope();
        foreach (var tenant in tenants)
        {
            using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
            {
                var runs = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ComplianceRuns.AsNoTracking().Where(r => r.Slot.StartsWith("nightly:")).ToListAsync();
                runs.Count.ShouldBe(1);
                runs[0].State.ShouldBe(ComplianceRunState.Completed);
            }
        }

        await schedulerA.Shutdown(true);
        await schedulerB.Shutdown(true);
    }
}
