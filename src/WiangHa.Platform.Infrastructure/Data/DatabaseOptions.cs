namespace WiangHa.Platform.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite = 1,
    PostgreSql = 2,
    SqlServer = 3,
}

/// <summary>
/// Which database the platform uses. With nothing configured it is the <em>embedded default</em>: a SQLite file in
/// <see cref="DataDirectory"/>, migrated at start-up and filled with demo data. A configured connection string means
/// a real deployment: no start-up migration, no demo data, no demo sign-ins.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>From <c>ConnectionStrings:Platform</c>; empty for the embedded default.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the embedded SQLite file, relative to the content root unless absolute.</summary>
    public string DataDirectory { get; set; } = "data";

    public bool IsEmbeddedDefault => Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>
    /// The settings as registration reads them (they decide which provider and job store are registered at all, so they
    /// are needed before the container exists); the same values are bound for <c>IOptions&lt;DatabaseOptions&gt;</c>.
    /// </summary>
    public static DatabaseOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var options = Microsoft.Extensions.Configuration.ConfigurationBinder.Get<DatabaseOptions>(configuration.GetSection(SectionName)) ?? new DatabaseOptions();
        options.ConnectionString ??= Microsoft.Extensions.Configuration.ConfigurationExtensions.GetConnectionString(configuration, "Platform");
        return options;
    }

    public static string MigrationsAssemblyFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "WiangHa.Platform.Migrations.Sqlite",
        DatabaseProvider.PostgreSql => "WiangHa.Platform.Migrations.PostgreSql",
        DatabaseProvider.SqlServer => "WiangHa.Platform.Migrations.SqlServer",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
