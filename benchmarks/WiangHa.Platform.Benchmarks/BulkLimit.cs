using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Benchmarks;

/// <summary>
/// The physical limit a night is compared with, measured in the same run: plain ADO.NET reading everything the night
/// reads (every tenant's disclosures, measures with their units, link results, the compliance history, the
/// standings), then inserting as many run, result and standing rows as the night wrote, in one transaction that is
/// rolled back. SQLite: one prepared single-row INSERT per table, reused for every row, into the real tables (a
/// rolled-back transaction leaves the file's used pages as they were). PostgreSQL: binary COPY into temporary copies
/// of the tables with their indexes (<c>LIKE … INCLUDING ALL</c>), so dead rows never distort the next night's growth.
/// No rules are evaluated and nothing is materialised beyond reading each value once.
/// </summary>
internal static class BulkLimit
{
    private static readonly string[] Reads =
    [
        """SELECT "TenantId", "AssessmentYear", "ItemCode", "Answer", "Urls", "Explanation", "UpdatedAt" FROM "ItemDisclosures" """,
        """SELECT "TenantId", "Id", "Number", "Title", "AnalysisBasis", "Steps", "Monitoring", "PeriodFrom", "PeriodTo", "Status", "ResultPoints", "Outcome", "ItaItems", "UpdatedAt" FROM "Measures" """,
        """SELECT "MeasureId", "OrgUnitId" FROM "MeasureResponsibleUnit" """,
        """SELECT "TenantId", "Url", "Outcome", "StatusCode", "Detail", "YearsMentioned", "IsText" FROM "LinkChecks" """,
        """SELECT r."TenantId", u."ManualVersionId", r."ItemCode", r."Status", r."Reasons", r."CheckedAt", r."Id" FROM "ComplianceResults" r JOIN "ComplianceRuns" u ON u."Id" = r."RunId" """,
        """SELECT * FROM "LaoStandings" """,
    ];

    private static readonly string[] RunColumns =
        ["Id", "TenantId", "ManualVersionId", "AssessmentYear", "ManualVersionNumber", "Slot", "Kind", "State", "QueuedAt", "FinishedAt", "Score", "Passes", "Rating", "Applicable", "Passed", "Warnings", "Failed"];

    private static readonly string[] ResultColumns = ["Id", "TenantId", "RunId", "AssessmentYear", "ItemCode", "Status", "Reasons", "CheckedAt"];

    private static readonly string[] StandingColumns =
    [
        "Id", "OrganisationId", "AssessmentYear", "ProvinceCode", "DistrictCode", "Type", "RunId", "ManualVersionNumber", "CheckedAt", "Score", "Passes", "Rating",
        "Applicable", "Passed", "Warnings", "Failed", "FailingItems", "WarningItems", "MeasuresCompleted", "MeasuresInProgress", "MeasuresLate", "LastActivityAt",
    ];

    public static async Task<TimeSpan> MeasureAsync(DatabaseProvider provider, string connectionString, int runs, int results, int standings)
    {
        var sqlite = provider == DatabaseProvider.Sqlite;
        await using DbConnection connection = sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        foreach (var sql in Reads)
        {
            await ReadAllAsync(connection, sql);
        }

        // Keys the rows can point to (raw provider values: SQLite's GUIDs are upper-case text).
        var tenants = await ColumnAsync(connection, """SELECT "Id" FROM "Organisations" """);
        var versions = await ColumnAsync(connection, """SELECT "Id" FROM "ItaManualVersions" WHERE "Status" = 2""");
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
        object Instant(DateTimeOffset t) => sqlite ? t.UtcTicks / 1000 << 11 : t; // DateTimeOffsetToBinaryConverter's shape
        object Flag(bool b) => sqlite ? (b ? 1 : 0) : b;
        object Score(decimal d) => sqlite ? d.ToString(CultureInfo.InvariantCulture) : d;
        var runIds = new object[runs];
        var runRows = Enumerable.Range(0, runs).Select(i =>
        {
            runIds[i] = Id(Guid.CreateVersion7());
            return new object?[]
            {
                runIds[i], tenants[i % tenants.Count], versions[i / tenants.Count % versions.Count], 2566, 1, "nightly:2099-01-01", 1, 3, Instant(now), Instant(now),
                Score(93.02m), Flag(true), "ผ่าน", 43, 40, 1, 2,
            };
        });
        var resultRows = Enumerable.Range(0, results).Select(i => new object?[]
        {
            Id(Guid.CreateVersion7()), tenants[i % tenants.Count], runIds[i % runs], 2566, $"O{i % 43 + 1}", 1, sqlite ? "[]" : Array.Empty<string>(), Instant(now),
        });
        var standingRows = Enumerable.Range(0, standings).Select(i => new object?[]
        {
            Id(Guid.CreateVersion7()), tenants[i % tenants.Count], 3000 + i / tenants.Count, "57", "5705", 1, runIds[i % runs], 1, Instant(now), Score(93.02m), Flag(true), "ผ่าน",
            43, 40, 1, 2, "O3 O35", "O12", 10, 0, 0, Instant(now),
        });
        await InsertAsync(connection, transaction, "ComplianceRuns", RunColumns, runRows, sqlite);
        await InsertAsync(connection, transaction, "ComplianceResults", ResultColumns, resultRows, sqlite);
        await InsertAsync(connection, transaction, "LaoStandings", StandingColumns, standingRows, sqlite);
        var elapsed = clock.Elapsed;
        await transaction.RollbackAsync();
        return elapsed;
    }

    private static async Task ReadAllAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
        }
    }

    private static async Task<List<object>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<object>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, IEnumerable<object?[]> rows, bool sqlite)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
        if (sqlite)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => { var p = command.CreateParameter(); p.ParameterName = $"$p{i}"; command.Parameters.Add(p); return p; }).ToArray();
            await command.PrepareAsync();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync();
            }

            return;
        }

        var npgsql = (NpgsqlConnection)connection;
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE \"bulk_{table}\" (LIKE \"{table}\" INCLUDING ALL)", npgsql, (NpgsqlTransaction)transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var import = await npgsql.BeginBinaryImportAsync($"COPY \"bulk_{table}\" ({names}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await import.StartRowAsync();
            foreach (var value in row)
            {
                await import.WriteAsync(value);
            }
        }

        await import.CompleteAsync();
    }
}
