using Microsoft.Data.Sqlite;
using Npgsql;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, real database for one test fixture: a SQLite file in a temp folder, or a new database on the PostgreSQL
/// server the test script started on 127.0.0.1. Chosen by the WIANGHA_TEST_DB environment variable.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static DatabaseProvider SelectedProvider =>
        Environment.GetEnvironmentVariable("WIANGHA_TEST_DB")?.ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" => DatabaseProvider.PostgreSql,
            var other => throw new InvalidOperationException($"WIANGHA_TEST_DB={other} is not sqlite or postgres."),
        };

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("WIANGHA_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";

    public static async Task<TestDatabase> CreateAsync()
    {
        if (SelectedProvider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("wiangha-test-").FullName;
            var path = Path.Combine(directory, "platform.db");
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False", directory, null);
        }

        var name = $"wiangha_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection($"{PostgresServer};Database=postgres"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TestDatabase(DatabaseProvider.PostgreSql, $"{PostgresServer};Database={name};Include Error Detail=true", null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection($"{PostgresServer};Database=postgres");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
