using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using WiangHa.Platform.Benchmarks;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;

// Usage:
//   dotnet run -c Release --project benchmarks/WiangHa.Platform.Benchmarks -- [--provider sqlite|postgres]
//        [--pg "Host=127.0.0.1;Port=55491;Username=postgres"] [--tenants 7850] [--links 3000] [--runs 3] [--nightly-only] [--figures <file>]
// Seeds a national-scale dataset into a fresh database, times the nightly compliance run for every tenant --runs
// times (the first night, then nights without a change; link checking excluded: the run reads the stored link
// results) beside the bulk limit measured in the same run, then (unless --nightly-only) the alerts and the link
// checker against a local server.
var options = Args.Parse(args);
var provider = options.Provider;
string connectionString;
string? cleanup = null;
if (provider == DatabaseProvider.Sqlite)
{
    cleanup = Directory.CreateTempSubdirectory("wiangha-bench-").FullName;
    connectionString = $"Data Source={Path.Combine(cleanup, "bench.db")};Pooling=True";
}
else
{
    var name = $"wiangha_bench_{Guid.NewGuid():N}";
    await using (var admin = new NpgsqlConnection(options.Postgres + ";Database=postgres"))
    {
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    connectionString = $"{options.Postgres};Database={name};Maximum Pool Size=20";
    cleanup = name;
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = provider.ToString(),
    ["ConnectionStrings:Platform"] = connectionString,
    ["Compliance:Scheduler:Enabled"] = "false",
    ["Compliance:LinkChecker:AllowLoopback"] = "true",
    ["Compliance:LinkChecker:PerHostInterval"] = "00:00:00",
    ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), $"wiangha-bench-mail-{Guid.NewGuid():N}"),
}).Build();
var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(configuration);
services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
services.AddPlatformData(configuration, new BenchmarkEnvironment()).AddPlatformTenancy().AddPlatformFeatures()
    .AddPlatformEmail(configuration, new BenchmarkEnvironment());
await using var root = services.BuildServiceProvider();

var clock = Stopwatch.StartNew();
await using (var scope = root.CreateAsyncScope())
{
    var migrated = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
    await migrated.Database.MigrateAsync();
    await WiangHa.Platform.Infrastructure.Seeding.DatabaseInitializer.UseWriteAheadLogAsync(migrated); // as `migrate` does
    await scope.ServiceProvider.GetRequiredService<WiangHa.Platform.Infrastructure.Seeding.ReferenceDataSeeder>().SeedAsync();
    await scope.ServiceProvider.GetRequiredService<ShippedCatalogues>().LoadAsync();
}

Console.WriteLine($"provider            {provider}");
Console.WriteLine($"migrate + catalogues {clock.Elapsed.TotalSeconds,8:0.0} s");

clock.Restart();
var seeded = await CrossTenantBenchmarkSeeder.SeedAsync(provider, connectionString, options.Tenants, options.Year);
Console.WriteLine($"seed                {clock.Elapsed.TotalSeconds,8:0.0} s   {seeded.Tenants} tenants, {seeded.Disclosures} disclosures, {seeded.Measures} measures, {seeded.LinkChecks} link results");

// The nights: the first stores every item's result; each later one is a night without a change (results are written
// only when they change, ADR 0009), each on a fresh nightly slot. Beside each night, the bulk limit measured right
// after it on the same database (BulkLimit), and the database's growth (SQLite: used pages after a checkpoint;
// PostgreSQL: pg_database_size), measured before the limit so the limit never counts in it.
var runner = root.GetRequiredService<ComplianceRunner>();
var nights = new List<NightFigures>();
var firstSlot = new DateTimeOffset(2099, 1, 1, 19, 0, 0, TimeSpan.Zero);
for (var n = 0; n < options.Runs; n++)
{
    var before = await StorageFigures.MeasureAsync(root, provider);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    clock.Restart();
    var runs = await runner.RunAllTenantsAsync(ComplianceRunner.NightlySlot(firstSlot.AddDays(n)));
    var night = new NightFigures(n == 0, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, runs, await StorageFigures.MeasureAsync(root, provider), before);
    night = night with { Limit = await BulkLimit.MeasureAsync(provider, connectionString, runs, (int)night.Results, runs) };
    nights.Add(night);
    Console.WriteLine(night.Line());
}

// For benchmarks/run.sh: each night's figures as name<TAB>value lines, which its summary sets beside the limits.
if (options.Figures is { } figuresFile)
{
    await File.AppendAllLinesAsync(figuresFile, nights.SelectMany(n => n.First
        ? new[] { $"first_s\t{n.Wall.TotalSeconds:0.00}", $"first_limit_s\t{n.Limit.TotalSeconds:0.00}" }
        : [$"nochange_s\t{n.Wall.TotalSeconds:0.00}", $"nochange_limit_s\t{n.Limit.TotalSeconds:0.00}", $"growth_mib\t{n.Growth / 1048576.0:0.00}"]));
}

var quiet = nights.Where(n => !n.First).ToList();
if (quiet.Count > 0)
{
    Console.WriteLine($"nights without change ({quiet.Count}): {NightFigures.Spread(quiet.Select(n => n.Wall.TotalSeconds))} s wall · CPU {NightFigures.Spread(quiet.Select(n => n.Cpu.TotalSeconds))} s · " +
        $"bulk limit {NightFigures.Spread(quiet.Select(n => n.Limit.TotalSeconds))} s · {NightFigures.Spread(quiet.Select(n => n.Ratio), "0.00")}× · " +
        $"+{NightFigures.Spread(quiet.Select(n => n.Growth / 1048576.0))} MiB a night   (median, min–max)");
}

if (options.NightlyOnly)
{
    await CleanupAsync();
    return;
}

await using (var scope = root.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
    var sample = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).FirstAsync();
    using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(TenantInfo.From(sample)))
    {
        var run = await db.ComplianceRuns.AsNoTracking().Include(r => r.Results).FirstAsync(r => r.AssessmentYear == options.Year);
        var byStatus = run.Results.GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine($"sample tenant       score {run.Score} · {string.Join(", ", byStatus)}");
    }
}

// Alerts at national scale (issue 10): two recipients per LAO and the province's supervisor. One alert morning (7 days
// before the provisional OIT opening of ITA 2570; LAOs are chased by the newest published manual, which every seeded
// LAO fails some items of), planned, planned again as a second firing would, then the outbox drained: in-app rows, and
// email written to a pickup folder (no SMTP server in a benchmark).
var recipients = await CrossTenantBenchmarkSeeder.SeedAlertRecipientsAsync(provider, connectionString);
var alertMorning = new DateOnly(2027, 2, 22);
clock.Restart();
int planned;
await using (var scope = root.CreateAsyncScope())
{
    planned = await scope.ServiceProvider.GetRequiredService<WiangHa.Platform.Infrastructure.Alerts.PlanAlerts>().RunAsync(alertMorning);
}

var planSeconds = clock.Elapsed.TotalSeconds;
clock.Restart();
int replanned;
await using (var scope = root.CreateAsyncScope())
{
    replanned = await scope.ServiceProvider.GetRequiredService<WiangHa.Platform.Infrastructure.Alerts.PlanAlerts>().RunAsync(alertMorning);
}

var replanSeconds = clock.Elapsed.TotalSeconds;
clock.Restart();
var sent = await root.GetRequiredService<WiangHa.Platform.Infrastructure.Alerts.SendAlerts>().RunAsync();
var sendSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"alert planning      {planSeconds,8:0.0} s   {recipients} recipients, {planned} outbox rows ({planned / planSeconds:0} rows/s)");
Console.WriteLine($"alert planning again{replanSeconds,8:0.0} s   {replanned} new rows (the same morning fired twice)");
Console.WriteLine($"alert sending       {sendSeconds,8:0.0} s   {sent.Sent} sent, {sent.Retrying} retrying, {sent.Failed} failed ({sent.Sent / sendSeconds:0} alerts/s, in-app + email to files)");

// Link checking, reported separately: a local Kestrel server, one host (the checker is polite: one request at a time per host).
await using (var server = await LinkServer.StartAsync())
{
    using var checker = root.GetRequiredService<LinkChecker>();
    clock.Restart();
    var ok = 0;
    for (var i = 0; i < options.Links; i++)
    {
        var report = await checker.CheckAsync($"{server.BaseUrl}/page/{i}");
        ok += report.Outcome == LinkOutcome.Ok ? 1 : 0;
    }

    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"link checks         {seconds,8:0.0} s   {options.Links} URLs, {ok} ok, {options.Links / seconds:0} URLs/s on one host");
}

await CleanupAsync();

async Task CleanupAsync()
{
    if (Directory.Exists(configuration["Email:PickupDirectory"]))
    {
        Directory.Delete(configuration["Email:PickupDirectory"]!, recursive: true);
    }

    if (provider == DatabaseProvider.Sqlite)
    {
        Directory.Delete(cleanup!, recursive: true);
    }
    else
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(options.Postgres + ";Database=postgres");
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{cleanup}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

namespace WiangHa.Platform.Benchmarks
{
    internal sealed record Args(DatabaseProvider Provider, string Postgres, int Tenants, int Links, int Year, int Runs, bool NightlyOnly, string? Figures)
    {
        public static Args Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            var provider = Value("--provider") is "postgres" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
            return new Args(provider, Value("--pg") ?? "Host=127.0.0.1;Port=55491;Username=postgres",
                int.Parse(Value("--tenants") ?? "7850", CultureInfo.InvariantCulture), int.Parse(Value("--links") ?? "3000", CultureInfo.InvariantCulture),
                int.Parse(Value("--year") ?? "2566", CultureInfo.InvariantCulture), Math.Max(1, int.Parse(Value("--runs") ?? "3", CultureInfo.InvariantCulture)),
                args.Contains("--nightly-only"), Value("--figures"));
        }
    }

    internal sealed record NightFigures(bool First, TimeSpan Wall, TimeSpan Cpu, int Runs, StorageFigures After, StorageFigures Before)
    {
        public TimeSpan Limit { get; init; }
        public long Results => After.Results - Before.Results;
        public long Growth => After.Bytes - Before.Bytes;
        public double Ratio => Wall / Limit;

        public string Line() =>
            $"{(First ? "1st night" : "night, no change"),-17}{Wall.TotalSeconds,6:0.0} s (CPU {Cpu.TotalSeconds:0.0} s) · bulk limit {Limit.TotalSeconds:0.0} s · {Ratio:0.00}× · " +
            $"{Runs} runs, +{Results} results, +{Growth / 1048576.0:0.0} MiB ({Growth / (double)Math.Max(1, Runs):0} bytes a run; database {After.Bytes / 1048576.0:0.0} MiB)";

        public static string Spread(IEnumerable<double> values, string format = "0.0")
        {
            var sorted = values.Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            return $"{median.ToString(format, CultureInfo.InvariantCulture)} ({sorted[0].ToString(format, CultureInfo.InvariantCulture)}–{sorted[^1].ToString(format, CultureInfo.InvariantCulture)})";
        }
    }

    internal sealed record StorageFigures(long Runs, long Results, long Bytes)
    {
        /// <summary>Row counts, and the bytes the database holds (SQLite: used pages after a checkpoint; PostgreSQL: pg_database_size).</summary>
        public static async Task<StorageFigures> MeasureAsync(IServiceProvider root, DatabaseProvider provider)
        {
            await using var scope = root.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            // Counts across tenants: a benchmark, not a request; the tenant filter is not what is measured here.
            var runs = await db.ComplianceRuns.IgnoreQueryFilters().LongCountAsync();
            var results = await db.ComplianceResults.IgnoreQueryFilters().LongCountAsync();
            long bytes;
            if (provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
                bytes = await Scalar(db, "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()");
            }
            else
            {
                bytes = await Scalar(db, "SELECT pg_database_size(current_database())");
            }

            return new StorageFigures(runs, results, bytes);
        }

        private static async Task<long> Scalar(PlatformDbContext db, string sql)
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
    }

    internal sealed class BenchmarkEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";
        public string ApplicationName { get; set; } = "WiangHa.Platform.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    internal sealed class LinkServer(WebApplication app, string baseUrl) : IAsyncDisposable
    {
        public string BaseUrl => baseUrl;

        public static async Task<LinkServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapGet("/page/{n:int}", (int n) => Results.Content($"<html><body>ประกาศ ปีงบประมาณ พ.ศ. 2566 เลขที่ {n}</body></html>", "text/html; charset=utf-8"));
            await app.StartAsync();
            var address = app.Urls.First();
            return new LinkServer(app, address);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
