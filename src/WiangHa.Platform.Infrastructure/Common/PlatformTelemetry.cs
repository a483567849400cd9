using System.Diagnostics;
using System.Diagnostics.Metrics;
using Quartz;

namespace WiangHa.Platform.Infrastructure.Common;

/// <summary>
/// The platform's own metrics and traces (meter and activity source <see cref="Name"/>), exported with ASP.NET Core's,
/// EF Core's and HttpClient's by OpenTelemetry when the host configures an exporter. Tags never carry personal data:
/// channels, job names, slot kinds and outcomes only.
/// </summary>
public sealed class PlatformMetrics
{
    public const string Name = "WiangHa.Platform";

    public static readonly ActivitySource Activities = new(Name);

    private readonly Counter<long> _alertsSent;
    private readonly Counter<long> _alertsFailed;
    private readonly Counter<long> _complianceRuns;
    private readonly Counter<long> _laosChecked;
    private readonly Histogram<double> _jobDuration;

    public PlatformMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _alertsSent = meter.CreateCounter<long>("wiangha.alerts.sent", "{alert}", "Alerts delivered, by channel.");
        _alertsFailed = meter.CreateCounter<long>("wiangha.alerts.failed", "{alert}", "Alert deliveries that failed (retried or given up), by channel.");
        _complianceRuns = meter.CreateCounter<long>("wiangha.compliance.runs", "{run}", "Compliance runs over every LAO (a nightly slot or its recovery).");
        _laosChecked = meter.CreateCounter<long>("wiangha.compliance.laos_checked", "{lao}", "LAOs whose compliance was newly recorded.");
        _jobDuration = meter.CreateHistogram<double>("wiangha.jobs.duration", "s", "Duration of scheduled jobs, by job and outcome.");
    }

    public void AlertSent(string channel) => _alertsSent.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void AlertFailed(string channel) => _alertsFailed.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void ComplianceRun(string slotKind, int laosChecked)
    {
        var kind = new KeyValuePair<string, object?>("slot", slotKind);
        _complianceRuns.Add(1, kind);
        _laosChecked.Add(laosChecked, kind);
    }

    public void JobFinished(string job, TimeSpan duration, bool succeeded) =>
        _jobDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", succeeded ? "success" : "error"));
}

/// <summary>Times every Quartz job (a span per execution and the <c>wiangha.jobs.duration</c> histogram).</summary>
public sealed class JobTelemetry(PlatformMetrics metrics) : IJobListener
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Activity> _running = new();

    public string Name => nameof(JobTelemetry);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var activity = PlatformMetrics.Activities.StartActivity($"job {context.JobDetail.Key.Name}", ActivityKind.Internal);
        activity?.SetTag("job.name", context.JobDetail.Key.Name);
        activity?.SetTag("job.group", context.JobDetail.Key.Group);
        activity?.SetTag("job.recovering", context.Recovering);
        activity?.SetTag("scheduler.instance", context.Scheduler.SchedulerInstanceId);
        if (activity is not null)
        {
            _running[context.FireInstanceId] = activity;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        metrics.JobFinished(context.JobDetail.Key.Name, context.JobRunTime, jobException is null);
        if (_running.TryRemove(context.FireInstanceId, out var activity))
        {
            activity.SetStatus(jobException is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error);
            activity.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
