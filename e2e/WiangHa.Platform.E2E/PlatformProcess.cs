using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WiangHa.Platform.E2E;

/// <summary>
/// Starts the platform as a user would (embedded SQLite, demo data) on a free port of 127.0.0.1, in its own
/// temporary data folder, and stops it when the tests end. The address comes from the start-up banner.
/// </summary>
public sealed partial class PlatformProcess : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("wiangha-e2e-").FullName;
    private readonly System.Text.StringBuilder _output = new();
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The real SMTP server the platform sends its mail to during the journeys.</summary>
    public TestSupport.TestSmtpServer Smtp { get; } = new();

    public static string RepositoryRoot => TestSupport.RepositoryPaths.Root;

    public static string ArtifactsDirectory
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("WIANGHA_ARTIFACTS") ?? Path.Combine(RepositoryRoot, "artifacts", "e2e");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot, "src", "WiangHa.Platform.Web");
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "WiangHa.Platform.Web.dll");
        File.Exists(dll).ShouldBeTrue($"build the web project first: {dll}");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Smtp.Start();
        foreach (var arg in new[]
        {
            dll, "--urls", "http://127.0.0.1:0", "--contentRoot", project, "--Database:DataDirectory", _dataDirectory,
            "--Email:SmtpHost", "127.0.0.1", "--Email:SmtpPort", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        // Development serves wwwroot from the project folder (static web assets), as `dotnet run` does.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, address);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, address);
        _process.Exited += (_, _) => address.TrySetException(new InvalidOperationException($"The platform exited early:\n{_output}"));
        _process.EnableRaisingEvents = true;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        BaseAddress = await address.Task.WaitAsync(StartTimeout);
    }

    private void OnLine(string? line, TaskCompletionSource<Uri> address)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (BannerAddress().Match(line) is { Success: true } match)
        {
            address.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        await Smtp.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [GeneratedRegex(@"^\s+(http://127\.0\.0\.1:\d+)\s*$")]
    private static partial Regex BannerAddress();
}
