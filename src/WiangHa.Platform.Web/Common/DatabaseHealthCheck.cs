using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Web;

/// <summary>
/// Ready only when the database answers. After a failure the connection pool is emptied, so connections broken by a
/// database restart are not handed out again and the replica is ready as soon as the database is back.
/// </summary>
public sealed class DatabaseHealthCheck(PlatformDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Healthy();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ClearPool();
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }

        ClearPool();
        return HealthCheckResult.Unhealthy("database unreachable");
    }

    private void ClearPool()
    {
        if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection postgres)
        {
            Npgsql.NpgsqlConnection.ClearPool(postgres);
        }
        else if (db.Database.GetDbConnection() is Microsoft.Data.SqlClient.SqlConnection sqlServer)
        {
            Microsoft.Data.SqlClient.SqlConnection.ClearPool(sqlServer);
        }
    }
}
