using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using WiangHa.Platform.Domain.Measures;

// The limits the platform's API is compared with, on the same machine and the same rows (issue 16):
//   GET /health/live                         a bare endpoint (and the start-up of a bare minimal API)
//   GET /measures?tenant=wiangha&year=2566   the measures list as the API returns it, read with plain ADO.NET from
//                                            the platform's own SQLite file (no authentication, no EF Core)
//   GET /measures/memory                     the same bytes from memory (the HTTP stack's own cost)
// Usage: dotnet WiangHa.Platform.Benchmarks.Limits.dll --urls http://127.0.0.1:5098 --db <path of wiangha.db>
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var database = builder.Configuration["db"] ?? throw new InvalidOperationException("--db <path of the platform's SQLite file> is required");
var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    // As the platform writes its API: Thai as UTF-8, not \uXXXX escapes.
    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    Converters = { new JsonStringEnumConverter() },
};
var app = builder.Build();

app.MapGet("/health/live", () => "Healthy");

byte[]? remembered = null;
app.MapGet("/measures", async (string tenant, int year, HttpResponse response, CancellationToken cancellationToken) =>
{
    var measures = await MeasureRows.ReadAsync(connectionString, tenant, year, cancellationToken);
    var body = JsonSerializer.SerializeToUtf8Bytes(measures, json);
    remembered = body;
    response.ContentType = "application/json; charset=utf-8";
    await response.Body.WriteAsync(body, cancellationToken);
});

app.MapGet("/measures/memory", async (HttpResponse response, CancellationToken cancellationToken) =>
{
    response.ContentType = "application/json; charset=utf-8";
    await response.Body.WriteAsync(remembered ?? [], cancellationToken);
});

app.Run();

/// <summary>The rows the platform's measure list reads (one page of up to 100 measures, their units and evidence links), with ADO.NET.</summary>
internal static class MeasureRows
{
    public static async Task<List<Measure>> ReadAsync(string connectionString, string slug, int year, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var tenant = await ScalarAsync(connection, "SELECT Id FROM Organisations WHERE Slug = $slug", cancellationToken, ("$slug", slug));
        var measures = new List<Measure>();
        var byId = new Dictionary<string, Measure>(StringComparer.Ordinal);
        await using (var command = Command(connection,
            """
            SELECT Id, FiscalYear, Number, Title, AnalysisBasis, Steps, PeriodFrom, PeriodTo, Status, Monitoring, ResultPoints, Outcome,
                   ItaItems, Version, UpdatedAt, PeriodText
            FROM Measures WHERE TenantId = $tenant AND FiscalYear = $year ORDER BY FiscalYear DESC, Number, Id LIMIT 101
            """, ("$tenant", tenant), ("$year", year)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var from = DateOnly.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture);
                var to = DateOnly.Parse(reader.GetString(7), System.Globalization.CultureInfo.InvariantCulture);
                var measure = new Measure(
                    Guid.Parse(reader.GetString(0)), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3), (AnalysisBasis)reader.GetInt32(4),
                    Strings(reader.GetString(5)), [], new MonthRef(from.Year + 543, from.Month), new MonthRef(to.Year + 543, to.Month),
                    (MeasureStatus)reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetString(9), Strings(reader.GetString(10)),
                    reader.IsDBNull(11) ? null : reader.GetString(11), Strings(reader.GetString(12)), [], Guid.Parse(reader.GetString(13)),
                    FromBinary(reader.GetInt64(14)), reader.IsDBNull(15) ? null : reader.GetString(15));
                measures.Add(measure);
                byId[reader.GetString(0)] = measure;
            }
        }

        if (measures.Count == 0)
        {
            return measures;
        }

        await using (var command = Command(connection,
            """
            SELECT r.MeasureId, u.Id, u.Name FROM MeasureResponsibleUnit r JOIN OrgUnits u ON u.Id = r.OrgUnitId
            JOIN Measures m ON m.Id = r.MeasureId WHERE m.TenantId = $tenant AND m.FiscalYear = $year ORDER BY u.SortOrder, u.Name
            """, ("$tenant", tenant), ("$year", year)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (byId.TryGetValue(reader.GetString(0), out var measure))
                {
                    measure.ResponsibleUnits.Add(new OrgUnitRef(Guid.Parse(reader.GetString(1)), reader.GetString(2)));
                }
            }
        }

        await using (var command = Command(connection,
            """
            SELECT l.MeasureId, l.Url, l.Title, l.Channel FROM EvidenceLinks l JOIN Measures m ON m.Id = l.MeasureId
            WHERE m.TenantId = $tenant AND m.FiscalYear = $year ORDER BY l.SortOrder
            """, ("$tenant", tenant), ("$year", year)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (byId.TryGetValue(reader.GetString(0), out var measure))
                {
                    measure.EvidenceLinks.Add(new EvidenceLinkRow(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), (EvidenceChannel)reader.GetInt32(3)));
                }
            }
        }

        return measures;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static async Task<object> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("No such LAO.");
    }

    private static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    // EF Core's DateTimeOffsetToBinaryConverter, as the platform stores instants on SQLite.
    private static DateTimeOffset FromBinary(long value) =>
        new(new DateTime((value >> 11) * 1000), TimeSpan.FromMinutes((int)((value << 53) >> 53)));
}

// The shape of the platform's MeasureView, so both endpoints send the same JSON.
internal sealed record Measure(
    Guid Id, int FiscalYear, int Number, string Title, AnalysisBasis AnalysisBasis, List<string> Steps, List<OrgUnitRef> ResponsibleUnits,
    MonthRef PeriodFrom, MonthRef PeriodTo, MeasureStatus Status, string? Monitoring, List<string> ResultPoints, string? Outcome,
    List<string> ItaItems, List<EvidenceLinkRow> EvidenceLinks, Guid Version, DateTimeOffset UpdatedAt, string? PeriodText);

internal sealed record OrgUnitRef(Guid Id, string Name);

internal sealed record EvidenceLinkRow(string Url, string? Title, EvidenceChannel Channel)
{
    public string Label => WiangHa.Platform.Domain.Measures.EvidenceLink.Label(Title, Url);
}

internal sealed record MonthRef(int Year, int Month);
