using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Compliance;

public sealed class ComplianceSchedulerOptions
{
    public const string SectionName = "Compliance:Scheduler";

    /// <summary>Off: no scheduler runs in this process (benchmarks, one-off commands).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Every replica of one deployment shares it (it is the cluster's name in the Quartz tables).</summary>
    public string Name { get; set; } = "WiangHa";

    /// <summary>Nightly run, Asia/Bangkok.</summary>
    public string NightlyCron { get; set; } = "0 0 2 * * ?";

    /// <summary>Evidence-link sweep, Asia/Bangkok (Sunday 00:30).</summary>
    public string LinkSweepCron { get; set; } = "0 30 0 ? * SUN";
}

/// <summary>Quartz.NET: jobs, triggers and the persistent job store per database provider.</summary>
public static class ComplianceSchedule
{
    public const string Group = "compliance";

    public static TimeZoneInfo Bangkok { get; } = FindBangkok();

    public static ITrigger NightlyTrigger(string cron) => TriggerBuilder.Create()
        .WithIdentity("nightly-compliance", Group)
        .ForJob(NightlyComplianceJob.Key)
        // A night missed while every node was down runs once when one comes back (its slot is still that night).
        .WithCronSchedule(cron, c => c.InTimeZone(Bangkok).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();

    public static IServiceCollection AddComplianceScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string connectionString)
    {
        var options = configuration.GetSection(ComplianceSchedulerOptions.SectionName).Get<ComplianceSchedulerOptions>() ?? new ComplianceSchedulerOptions();
        services.AddSingleton(options);
        services.AddQuartz(q =>
        {
            // Replicas share the name (the cluster) and differ by the generated instance id.
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.Name;
                s.GenerateInstanceId = true;
            });
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
                store.UseSystemTextJsonSerializer();
                switch (database.Provider)
                {
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(connectionString);
                        store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(connectionString);
                        store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
                        break;
                    default:
                        // Quartz refuses to cluster on SQLite: the embedded default is a single process anyway.
                        store.UseSqlite(connectionString);
                        break;
                }
            });
            q.AddJob<NightlyComplianceJob>(j => j.WithIdentity(NightlyComplianceJob.Key).StoreDurably());
            q.AddTrigger(t => t.WithIdentity("nightly-compliance", Group).ForJob(NightlyComplianceJob.Key)
                .WithCronSchedule(options.NightlyCron, c => c.InTimeZone(Bangkok).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            // The one scheduler of the platform also prunes OpenID Connect tokens (Identity's nightly job).
            PruneOpenIdTokensJob.Configure(q);
            q.AddJob<LinkSweepJob>(j => j.WithIdentity(LinkSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t.WithIdentity("link-sweep", Group).ForJob(LinkSweepJob.Key)
                // A missed sweep is skipped: the next week's sweep will do.
                .WithCronSchedule(options.LinkSweepCron, c => c.InTimeZone(Bangkok).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        if (options.Enabled)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }

    private static TimeZoneInfo FindBangkok()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");
        }
        catch (TimeZoneNotFoundException)
        {
            // Thailand has kept UTC+7 without daylight saving since 1920.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Bangkok", TimeSpan.FromHours(7), "Asia/Bangkok", "ICT");
        }
    }
}
