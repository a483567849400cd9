using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// A real load balancer on 127.0.0.1 (YARP, round-robin, no session affinity) in front of replicas, as the ingress is
/// in production: it adds X-Forwarded-For/Proto/Host, and says which replica answered in <c>X-Replica</c> so a test
/// can see that consecutive requests of one user went to different replicas. Counts requests per replica.
/// </summary>
public sealed class RoundRobinBalancer : IAsyncDisposable
{
    public const string ReplicaHeader = "X-Replica";

    private readonly ConcurrentDictionary<string, int> _served = new(StringComparer.Ordinal);
    private WebApplication? _app;

    private RoundRobinBalancer(int port) => Port = port;

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Requests proxied, per replica name.</summary>
    public IReadOnlyDictionary<string, int> Served => _served;

    /// <summary>Reserves the balancer's port first: the replicas need their public address before it starts.</summary>
    public static RoundRobinBalancer Reserve() => new(ReplicaProcess.FreePort());

    public async Task StartAsync(IEnumerable<ReplicaProcess> replicas)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, Port));
        var destinations = replicas.ToDictionary(r => r.Name, r => new DestinationConfig { Address = r.BaseAddress.ToString() }, StringComparer.Ordinal);
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "all", ClusterId = "replicas", Match = new RouteMatch { Path = "{**rest}" } }],
                [new ClusterConfig { ClusterId = "replicas", LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin, Destinations = destinations }])
            .AddTransforms(context => context.AddResponseTransform(transform =>
            {
                var destination = transform.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination?.DestinationId;
                if (destination is not null)
                {
                    transform.HttpContext.Response.Headers[ReplicaHeader] = destination;
                    _served.AddOrUpdate(destination, 1, (_, n) => n + 1);
                }

                return ValueTask.CompletedTask;
            }));
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
