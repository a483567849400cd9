using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>
/// Brings a database to the current schema and reference data. The embedded default does this at start-up (and adds
/// demo data); server databases only through the explicit <c>migrate</c> command or the chart's Job.
/// </summary>
public sealed class DatabaseInitializer(
    PlatformDbContext db, DatabaseOptions options, ReferenceDataSeeder referenceData, DemoDataSeeder demoData,
    Identity.OpenIdClientRegistrar clients, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await referenceData.SeedAsync(cancellationToken);
        await clients.SyncAsync(cancellationToken: cancellationToken);
        logger.LogInformation("Database migrated ({Provider}); reference data loaded", options.Provider);
    }

    public async Task<DemoSignIns?> InitializeEmbeddedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.IsEmbeddedDefault)
        {
            return null;
        }

        await MigrateAsync(cancellationToken);
        var signIns = await demoData.SeedAsync(cancellationToken);
        await clients.SyncAsync(DemoDataSeeder.DemoClients, cancellationToken);
        return signIns;
    }
}
