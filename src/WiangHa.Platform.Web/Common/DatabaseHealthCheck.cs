using Microsoft.Extensions.Diagnostics.HealthChecks;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Web;

/// <summary>Ready only when the database answers.</summary>
public sealed class DatabaseHealthCheck(PlatformDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
}
