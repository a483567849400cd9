using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Seeding;

namespace WiangHa.Platform.Web;

/// <summary>
/// Start-up work that serving needs but listening does not: building the EF Core model (over a second for our model,
/// and the first sign-in or API call would otherwise pay it) and, in the embedded default, the demo's alert morning. It
/// runs beside the rest of the start (endpoints, Kestrel, the scheduler) on the second core, and
/// <see cref="StartupWarmUpHealthCheck"/> keeps the replica not ready until it is done, so ready still means that a
/// sign-in and an API call are served at once. A failure stops the application, as it did when this ran in line.
/// </summary>
public sealed class StartupWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<StartupWarmUp> logger)
{
    private Task? _work;

    public bool IsDone => _work is { IsCompletedSuccessfully: true };

    public Task Completion => _work ?? throw new InvalidOperationException("The warm-up has not been started.");

    public void Start() => _work ??= Task.Run(RunAsync);

    private async Task RunAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            _ = db.Model;
            // One query through the whole pipeline (translation, SQL generation, materialisation) warms what every request uses.
            await db.Provinces.AsNoTracking().AnyAsync(lifetime.ApplicationStopping);
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().RunDemoAlertMorningAsync(lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Start-up warm-up failed; stopping");
            lifetime.StopApplication();
            throw;
        }
    }
}

/// <summary>Not ready until <see cref="StartupWarmUp"/> has finished.</summary>
public sealed class StartupWarmUpHealthCheck(StartupWarmUp warmUp) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmUp.IsDone ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("warming up"));
}
