using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// One replica of the platform as a deployment runs it: the built web app started with <c>dotnet &lt;dll&gt;</c> in its
/// own process on its own port of 127.0.0.1, configured by environment variables only (Production: JSON logs, real
/// certificates, no demo data). Its output is kept for the test's report.
/// </summary>
public sealed class ReplicaProcess : IAsyncDisposable
{
    private readonly List<string> _lines = [];
    private readonly Process _process;

    private ReplicaProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => _process.HasExited;

    /// <summary>What the process printed so far (JSON log lines in Production).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public static string RepositoryRoot => TestSupport.RepositoryPaths.Root;

    /// <summary>Starts <c>dotnet WiangHa.Platform.Web.dll</c> with these settings (as <c>Section__Key</c> variables).</summary>
    public static ReplicaProcess Start(string name, IReadOnlyDictionary<string, string> settings, string environment = "Production")
    {
        var project = Path.Combine(RepositoryRoot, "src", "WiangHa.Platform.Web");
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "WiangHa.Platform.Web.dll");
        File.Exists(dll).ShouldBeTrue($"build the web project first: {dll}");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // The test run's own environment must not leak in (e.g. an OTLP collector of the machine).
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var replica = new ReplicaProcess(name, port, process);
        process.OutputDataReceived += (_, e) => replica.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => replica.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return replica;
    }

    /// <summary>The status of <c>/health/ready</c> (0 when nothing answers).</summary>
    public async Task<HttpStatusCode> ReadinessAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(BaseAddress, "/health/ready"), cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>Polls readiness until it answers <paramref name="expected"/>; fails with the replica's output otherwise.</summary>
    public async Task WaitForReadinessAsync(HttpClient http, HttpStatusCode expected, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await ReadinessAsync(http, cancel.Token) != expected)
            {
                _process.HasExited.ShouldBeFalse($"{Name} exited:\n{string.Join('\n', Lines.TakeLast(40))}");
                await poll.WaitForNextTickAsync(cancel.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not answer {expected} on /health/ready within {timeout}:\n{string.Join('\n', Lines.TakeLast(40))}");
        }
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster, as when a node dies.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
