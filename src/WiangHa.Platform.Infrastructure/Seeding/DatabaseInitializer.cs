using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>
/// Brings a database to the current schema and reference data. The embedded default does this at start-up (and adds
/// demo data); server databases only through the explicit <c>migrate</c> command or the chart's Job.
/// </summary>
public sealed class DatabaseInitializer(
    PlatformDbContext db, IOptions<DatabaseOptions> databaseOptions, ReferenceDataSeeder referenceData, RegistrySeeder registry, ShippedCatalogues catalogues, DemoDataSeeder demoData, DemoAlerts demoAlerts,
    Identity.OpenIdClientRegistrar clients, IConfiguration configuration, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await UseWriteAheadLogAsync(db, cancellationToken);
        await referenceData.SeedAsync(cancellationToken);
        await registry.SeedAsync(cancellationToken);
        await catalogues.LoadAsync(cancellationToken);
        await clients.SyncAsync(cancellationToken: cancellationToken);
        logger.LogInformation("Database migrated ({Provider}); reference data and ITA catalogues loaded", databaseOptions.Value.Provider);
    }

    /// <summary>
    /// SQLite only: write-ahead logging (kept in the file), so readers never wait for the writer and a commit is an
    /// append. The nightly compliance run writes one transaction per tenant, and the Quartz store shares the file.
    /// </summary>
    public static async Task UseWriteAheadLogAsync(PlatformDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// The embedded default's start: migrations, reference data, catalogues, clients and demo data, unless the file's
    /// <see cref="SeedStamp"/> says this build and configuration already brought it up to date. The demo's alert morning
    /// is not here: it follows in <see cref="RunDemoAlertMorningAsync"/>, off the start path.
    /// </summary>
    public async Task<DemoSignIns?> InitializeEmbeddedAsync(CancellationToken cancellationToken = default)
    {
        if (!databaseOptions.Value.IsEmbeddedDefault)
        {
            return null;
        }

        var stamp = SeedStamp.Compute(configuration);
        if (await SeedStamp.ReadAsync(db, cancellationToken) == stamp)
        {
            logger.LogInformation("Embedded database already migrated and seeded by this build; checks skipped");
            return DemoDataSeeder.SignIns;
        }

        await MigrateAsync(cancellationToken);
        var signIns = await demoData.SeedAsync(cancellationToken);
        await clients.SyncAsync(DemoDataSeeder.DemoClients, cancellationToken);
        // Last, so a start interrupted on the way does the checks again.
        await SeedStamp.WriteAsync(db, stamp, cancellationToken);
        return signIns;
    }

    /// <summary>
    /// The demo's latest alert morning (<see cref="DemoAlerts"/>), on every start of the embedded default: the day moves
    /// on, and planning is idempotent.
    /// </summary>
    public async Task RunDemoAlertMorningAsync(CancellationToken cancellationToken = default)
    {
        if (databaseOptions.Value.IsEmbeddedDefault)
        {
            await demoAlerts.SeedAsync(cancellationToken);
        }
    }
}
