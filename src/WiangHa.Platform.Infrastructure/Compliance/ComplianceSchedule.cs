using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;
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

    /// <summary>
    /// This replica's id in the cluster; unset, Quartz generates one (host name and ticks). Set it (e.g. to the pod's
    /// name) only when it is unique among the running replicas.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>How often a replica checks in; a replica silent for about this long plus 7.5 s is declared dead and its jobs recovered.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

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
            .Validate(o => o.ClusterCheckinInterval >= TimeSpan.FromSeconds(1), "Compliance:Scheduler:ClusterCheckinInterval must be at least one second.")
            .ValidateOnStart();
        services.AddQuartz(q =>
        {
            // Replicas share the name (the cluster) and differ by the generated instance id.
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.Name;
                if (string.IsNullOrWhiteSpace(options.InstanceId))
                {
                    s.GenerateInstanceId = true;
                }
                else
                {
                    s.InstanceId = options.InstanceId;
                }
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
                        store.UseClustering(c => c.CheckinInterval = options.ClusterCheckinInterval);
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(connectionString);
                        store.UseClustering(c => c.CheckinInterval = options.ClusterCheckinInterval);
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
            q.AddJobListener<JobTelemetry>();
        });
        services.AddSingleton<JobTelemetry>();
        if (options.Enabled)
        {
            // A stopping replica lets running jobs finish within the host's shutdown timeout; a job still running
            // when the process ends (or a replica killed outright) is recovered by another replica (RequestRecovery).
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            // Readiness: the scheduler runs, its job store answers and it checks in with the cluster; a replica in
            // standby is not ready either.
            services.AddHealthChecks().AddQuartz(o =>
            {
                o.Name = "scheduler";
                o.Tags.Add("ready");
                o.StandbyStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy;
            });
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
        // Every recurring job is safe to run again (idempotent by slot, day, claim or prune), so a run cut short by a
        // replica's death is fired again on another replica.
        quartz.AddJob<TJob>(j => j.WithIdentity(trigger.Job).StoreDurably().RequestRecovery());
        quartz.AddTrigger((services, t) => trigger.Configure(t, options, services.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// The instant a firing stands for: its scheduled fire time, or, when another replica recovers a run cut short,
    /// the scheduled fire time of the original firing (so a recovered night keeps its slot).
    /// </summary>
    public static DateTimeOffset ScheduledInstant(IJobExecutionContext context) =>
        OriginalScheduledInstant(context) ?? context.ScheduledFireTimeUtc ?? context.FireTimeUtc;

    /// <summary>For a recovered firing, the scheduled fire time of the firing it recovers; otherwise null.</summary>
    public static DateTimeOffset? OriginalScheduledInstant(IJobExecutionContext context) =>
        context.Recovering && context.MergedJobDataMap.TryGetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var original)
            ? ParseInstant(original)
            : null;

    private static DateTimeOffset? ParseInstant(string? text)
    {
        if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            // Ticks or Unix milliseconds, depending on how the store wrote it.
            return number > 100_000_000_000_000 ? new DateTimeOffset(number, TimeSpan.Zero) : DateTimeOffset.FromUnixTimeMilliseconds(number);
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
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
