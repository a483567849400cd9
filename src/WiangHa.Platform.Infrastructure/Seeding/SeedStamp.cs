using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>
/// What the embedded database was last brought up to, kept in the SQLite file's own header (<c>PRAGMA user_version</c>,
/// which EF Core and Quartz leave alone), so a restart of the same build on the same settings skips the migration and
/// seeding checks (about two seconds of model building, queries and change detection) with one cheap read. The stamp
/// is a hash of everything the checks depend on: the code and shipped files (the module version ids of the domain,
/// infrastructure and migrations assemblies: a rebuild with any change, or another package version, gives new ones) and
/// the configured OAuth clients. A database copied from elsewhere or restored from an older backup carries another
/// stamp, or none, and gets the full checks.
/// </summary>
public static class SeedStamp
{
    public static async Task<int> ReadAsync(PlatformDbContext db, CancellationToken cancellationToken = default)
    {
        // Straight through the connection: an EF query would build the model, which is what skipping saves.
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version;";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static async Task WriteAsync(PlatformDbContext db, int stamp, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            // A pragma takes no parameters; the value is an int formatted here.
            command.CommandText = $"PRAGMA user_version = {stamp.ToString(CultureInfo.InvariantCulture)};";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The stamp of this build and configuration; never 0, which is SQLite's "never stamped".</summary>
    public static int Compute(IConfiguration configuration)
    {
        var text = new StringBuilder();
        foreach (var assembly in new[]
                 {
                     typeof(Domain.Organisations.Organisation).Assembly,
                     typeof(DatabaseInitializer).Assembly,
                     System.Reflection.Assembly.Load(DatabaseOptions.MigrationsAssemblyFor(DatabaseProvider.Sqlite)),
                 })
        {
            text.Append(assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        }

        foreach (var (key, value) in configuration.GetSection(OpenIdClientRegistrar.SectionName).AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }

        var stamp = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0);
        return stamp == 0 ? 1 : stamp;
    }
}
