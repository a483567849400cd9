using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;

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

    /// <summary>Pruning of expired OpenID Connect tokens, Asia/Bangkok (03:30, after the nightly run).</summary>
    public string PruneOpenIdTokensCron { get; set; } = "0 30 3 * * ?";

    /// <summary>The morning's alerts, Asia/Bangkok (08:00: after the nightly run, when offices open).</summary>
    public string AlertPlanningCron { get; set; } = "0 0 8 * * ?";

    /// <summary>Draining the alert outbox (retries included), every minute.</summary>
    public string AlertSendingCron { get; set; } = "0 * * * * ?";

    /// <summary>Draining the mail queue (invitations, password resets: retries and rows other replicas left), every minute.</summary>
    public string MailSendingCron { get; set; } = "30 * * * * ?";
}

/// <summary>Quartz.NET: jobs, triggers and the persistent job store per database provider.</summary>
public static class ComplianceSchedule
{
    public const string Group = "compliance";

    public static TimeZoneInfo Bangkok { get; } = FindBangkok();

    /// <summary>Every recurring trigger the scheduler registers, each defined once beside its job.</summary>
    public static IReadOnlyList<RecurringTrigger> Recurring { get; } = [NightlyComplianceJob.Trigger, PruneOpenIdTokensJob.Trigger, LinkSweepJob.Trigger, AlertPlanningJob.Trigger, AlertSendingJob.Trigger, MailSendingJob.Trigger];

    public static IServiceCollection AddComplianceScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string connectionString)
    {
        // Read once here because it shapes the scheduler being registered; bound as well, so a bad value stops the start.
        var options = configuration.GetSection(ComplianceSchedulerOptions.SectionName).Get<ComplianceSchedulerOptions>() ?? new ComplianceSchedulerOptions();
        services.AddOptions<ComplianceSchedulerOptions>().BindConfiguration(ComplianceSchedulerOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name), "Compliance:Scheduler:Name is required (it names the Quartz cluster).")
            .Validate(o => Recurring.All(t => CronExpression.TryParse(t.Cron(o), out _)), "Compliance:Scheduler has an invalid cron expression.")
            .ValidateOnStart();
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
            q.AddRecurringJob<NightlyComplianceJob>(NightlyComplianceJob.Trigger, options);
            // The one scheduler of the platform also prunes OpenID Connect tokens (Identity's nightly job).
            q.AddRecurringJob<PruneOpenIdTokensJob>(PruneOpenIdTokensJob.Trigger, options);
            q.AddRecurringJob<LinkSweepJob>(LinkSweepJob.Trigger, options);
            q.AddRecurringJob<AlertPlanningJob>(AlertPlanningJob.Trigger, options);
            q.AddRecurringJob<AlertSendingJob>(AlertSendingJob.Trigger, options);
            q.AddRecurringJob<MailSendingJob>(MailSendingJob.Trigger, options);
        });
        if (options.Enabled)
        {
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }

    /// <summary>
    /// The trigger is built when the scheduler is, from the container's clock: the clock the scheduler itself
    /// runs on, so its first firing is the first one after that clock's now.
    /// </summary>
    private static void AddRecurringJob<TJob>(this IQuartzBuilder quartz, RecurringTrigger trigger, ComplianceSchedulerOptions options)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(j => j.WithIdentity(trigger.Job).StoreDurably());
        quartz.AddTrigger((services, t) => trigger.Configure(t, options, services.GetRequiredService<TimeProvider>()));
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
