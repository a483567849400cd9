using Microsoft.EntityFrameworkCore;

namespace WiangHa.Platform.Infrastructure.Data;

/// <summary>Configures EF Core for the chosen provider; shared by the app and the design-time factories.</summary>
public static class PlatformDbContextOptions
{
    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        var migrationsAssembly = DatabaseOptions.MigrationsAssemblyFor(provider);
        return provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrationsAssembly)),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrationsAssembly)),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }
}
