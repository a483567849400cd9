using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>
/// Brings a database to the current schema and reference data. The embedded default does this at start-up (and adds
/// demo data); server databases only through the explicit <c>migrate</c> command or the chart's Job.
/// </summary>
public sealed class DatabaseInitializer(
    PlatformDbContext db, DatabaseOptions options, ReferenceDataSeeder referenceData, ShippedCatalogues catalogues, DemoDataSeeder demoData, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await referenceData.SeedAsync(cancellationToken);
        await catalogues.LoadAsync(cancellationToken);
        logger.LogInformation("Database migrated ({Provider}); reference data and ITA catalogues loaded", options.Provider);
    }

    public async Task<DemoSignIns?> InitializeEmbeddedAsync(CancellationToken cancellationToken = default)
    {
        if (!options.IsEmbeddedDefault)
        {
            return null;
        }

        await MigrateAsync(cancellationToken);
        return await demoData.SeedAsync(cancellationToken);
    }
}
