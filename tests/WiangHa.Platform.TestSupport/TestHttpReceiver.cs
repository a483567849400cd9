using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.TestSupport;

/// <summary>One request as a receiver got it, and the status it answered.</summary>
public sealed record ReceivedRequest(string Key, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int Status)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
}

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) that keeps every request and answers each with the next
/// status planned for its key (a LINE target, a webhook path), 200 once none is left. The platform reaches it over
/// real sockets, so its HTTP clients, timeouts and headers are the ones production uses.
/// </summary>
public sealed class TestHttpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _planned = new(StringComparer.Ordinal);
    private readonly Func<HttpRequest, string, string> _keyOf;
    private WebApplication? _app;

    private TestHttpReceiver(Func<HttpRequest, string, string> keyOf) => _keyOf = keyOf;

    /// <summary>"http://127.0.0.1:{port}/".</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<ReceivedRequest> Received => _received;

    /// <summary>Starts a receiver; <paramref name="keyOf"/> names a request's key from the request and its body.</summary>
    public static async Task<TestHttpReceiver> StartAsync(Func<HttpRequest, string, string> keyOf)
    {
        var receiver = new TestHttpReceiver(keyOf);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>The next requests with this key answer these statuses, in order; later ones 200.</summary>
    public void Plan(string key, params int[] statuses)
    {
        var queue = _planned.GetOrAdd(key, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    public IReadOnlyList<ReceivedRequest> For(string key) => _received.Where(r => r.Key == key).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, System.Text.Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var key = _keyOf(context.Request, body);
        var status = _planned.TryGetValue(key, out var queue) && queue.TryDequeue(out var planned) ? planned : StatusCodes.Status200OK;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedRequest(key, context.Request.Method, context.Request.Path.Value ?? "", headers, body, status));
        context.Response.StatusCode = status;
        await context.Response.WriteAsync(status < 300 ? "{}" : "{\"message\":\"test receiver refused\"}", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
