using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Quartz;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.TestSupport;

namespace WiangHa.Platform.IntegrationTests.Common;

/// <summary>The real app with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a local OTLP/HTTP receiver.</summary>
public sealed class OtlpPlatformFactory : PlatformFactory
{
    public TestHttpReceiver Collector { get; private set; } = null!;

    protected override IEnumerable<(string Key, string Value)> ExtraSettings =>
    [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", Collector.BaseAddress.ToString().TrimEnd('/')),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
    ];

    public override async Task InitializeAsync()
    {
        Collector = await TestHttpReceiver.StartAsync((request, _) => request.Path.Value ?? "");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Collector.DisposeAsync();
    }
}

/// <summary>
/// Telemetry of the real app: the platform's own metrics (compliance runs, LAOs checked, alerts sent, job durations)
/// are recorded, and with an OTLP endpoint configured, traces (requests, EF Core) and metrics reach the collector.
/// </summary>
public sealed class TelemetryTests(OtlpPlatformFactory factory) : IClassFixture<OtlpPlatformFactory>
{
    [Fact]
    public async Task Platform_metrics_count_runs_alerts_and_jobs()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        using var metrics = new PlatformMeasurements(factory.Services.GetRequiredService<IMeterFactory>());

        await using (var scope = factory.Scope())
        {
            var job = ActivatorUtilities.CreateInstance<NightlyComplianceJob>(scope.ServiceProvider);
            await job.RunSlotAsync(factory.Clock.GetUtcNow());
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.AlertMessages.Add(new AlertMessage
            {
                IdempotencyKey = $"telemetry:{Guid.NewGuid():N}", Channel = AlertChannel.InApp, OrganisationId = tenant.Id, RecipientUserId = tenant.Admin.Id,
                Subject = "แจ้งเตือน", TextBody = "แจ้งเตือน", CreatedAt = factory.Clock.GetUtcNow(), NextAttemptAt = factory.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        await factory.Services.GetRequiredService<SendAlerts>().RunAsync();
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(LinkSweepJob.Key);
        await metrics.WaitForAsync("wiangha.jobs.duration", m => Equals(m.Tag("job"), LinkSweepJob.Key.Name));

        metrics.Sum("wiangha.compliance.runs").ShouldBe(1);
        metrics.Sum("wiangha.compliance.laos_checked").ShouldBeGreaterThanOrEqualTo(1);
        metrics.Of("wiangha.alerts.sent").ShouldContain(m => Equals(m.Tag("channel"), "InApp"));
        metrics.Of("wiangha.jobs.duration").ShouldContain(m => Equals(m.Tag("outcome"), "success"));
    }

    [Fact]
    public async Task Otlp_exporter_sends_traces_and_metrics_to_the_configured_collector()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var browser = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        await browser.GetPageAsync($"/t/{tenant.Slug}/measures");
        // The page's spans leave before the night's: a busy night fills the exporter's queue, which drops what overflows.
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
        await using (var scope = factory.Scope())
        {
            await ActivatorUtilities.CreateInstance<NightlyComplianceJob>(scope.ServiceProvider).RunSlotAsync(factory.Clock.GetUtcNow().AddDays(1));
        }

        factory.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
        factory.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();

        var traces = factory.Collector.For("/v1/traces");
        traces.ShouldNotBeEmpty();
        traces.ShouldAllBe(r => r.Method == "POST" && r.Header("Content-Type") == "application/x-protobuf");
        var traceText = string.Concat(traces.Select(r => r.Body));
        traceText.ShouldContain("wiangha-platform"); // service.name
        traceText.ShouldContain("Microsoft.AspNetCore"); // request spans
        traceText.ShouldContain("GET t/{tenant}/measures"); // the span of the page, by route
        traceText.ShouldContain("OpenTelemetry.Instrumentation.EntityFrameworkCore"); // database spans
        traceText.ShouldNotContain(tenant.Admin.Email); // no personal data in spans

        var metricText = string.Concat(factory.Collector.For("/v1/metrics").Select(r => r.Body));
        metricText.ShouldContain("http.server.request.duration");
        metricText.ShouldContain("wiangha.compliance.runs");
        metricText.ShouldContain("wiangha.compliance.laos_checked");
    }

    /// <summary>Measurements of the platform's meter in this host only (its own meter factory), by instrument.</summary>
    private sealed class PlatformMeasurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Measurement> _measurements = new();

        public PlatformMeasurements(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PlatformMetrics.Name && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue(new(instrument.Name, value, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue(new(instrument.Name, value, tags.ToArray())));
            _listener.Start();
        }

        public List<Measurement> Of(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToList();

        public double Sum(string instrument) => Of(instrument).Sum(m => m.Value);

        public async Task WaitForAsync(string instrument, Func<Measurement, bool> predicate)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            while (!Of(instrument).Any(predicate))
            {
                await poll.WaitForNextTickAsync(timeout.Token);
            }
        }

        public void Dispose() => _listener.Dispose();
    }

    private sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string name) => Tags.FirstOrDefault(t => t.Key == name).Value;
    }
}
