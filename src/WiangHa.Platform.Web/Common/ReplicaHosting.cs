using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Web.Common;

/// <summary>
/// The proxies whose <c>X-Forwarded-For/Proto/Host</c> headers are believed (<c>Platform:ForwardedHeaders</c>): the
/// ingress or load balancer in front of the replicas. Nothing configured, nothing is believed.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "Platform:ForwardedHeaders";

    /// <summary>Addresses of the proxies (e.g. <c>10.0.0.5</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation (e.g. the cluster's pod network <c>10.244.0.0/16</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are unwrapped (the ingress only, by default).</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>What a replica behind a load balancer needs: forwarded headers, a bounded shutdown, telemetry and logs.</summary>
public static class ReplicaHosting
{
    public const string ServiceName = "wiangha-platform";

    /// <summary>The OTLP exporter is on only when this standard variable names a collector.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddPlatformReplicaHosting(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;

        // SIGTERM: Kestrel stops taking connections and drains requests, Quartz lets running jobs finish; whatever
        // still runs after this is recovered by another replica. Below Kubernetes' 30 s grace period by default.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = configuration.GetValue("Platform:ShutdownTimeout", TimeSpan.FromSeconds(25)));

        var forwarded = configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only the configured proxies, not even loopback by default. With both lists empty the middleware would
            // believe anyone, so then it reads no header at all and a client cannot claim another address.
            var anyProxy = forwarded.KnownProxies.Count > 0 || forwarded.KnownNetworks.Count > 0;
            o.ForwardedHeaders = anyProxy ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost : ForwardedHeaders.None;
            o.ForwardLimit = forwarded.ForwardLimit;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in forwarded.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in forwarded.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        if (builder.Environment.IsProduction())
        {
            // One JSON object per line for the cluster's log collector. Messages carry ids, never addresses or names.
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                // Round-trip format: ISO 8601 in any culture (a Thai request's culture would write Buddhist years).
                o.TimestampFormat = "O";
            });
        }

        // Without a collector nobody reads spans, and recording them costs every request (an activity per request and
        // per database command): the SDK is only added when there is somewhere to send to.
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
                .WithTracing(t => t
                    .AddSource(PlatformMetrics.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation())
                .WithMetrics(m => m
                    .AddMeter(PlatformMetrics.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation())
                // Endpoint, protocol and headers come from the standard OTEL_EXPORTER_OTLP_* variables.
                .UseOtlpExporter();
        }

        return builder;
    }
}
