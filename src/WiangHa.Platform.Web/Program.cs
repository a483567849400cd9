using WiangHa.Platform.Infrastructure;
using WiangHa.Platform.Infrastructure.Seeding;
using WiangHa.Platform.Web;
using WiangHa.Platform.Web.Alerts;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;
using WiangHa.Platform.Web.Compliance;
using WiangHa.Platform.Web.Dashboards;
using WiangHa.Platform.Web.Measures;
using WiangHa.Platform.Web.Organisations;
using WiangHa.Platform.Web.Reports;
using WiangHa.Platform.Web.Tenancy;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformReplicaHosting();

builder.Services
    .AddPlatformData(builder.Configuration, builder.Environment)
    .AddPlatformTenancy()
    .AddPlatformFeatures()
    .AddPlatformEmail(builder.Configuration, builder.Environment)
    .AddPlatformIdentity(builder.Configuration, builder.Environment)
    .AddPlatformWeb();

var app = builder.Build();

if (args.Contains("migrate"))
{
    // Server databases are migrated by this explicit command (or the chart's Job), never at start-up.
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    return;
}

if (args.Contains("load-nation"))
{
    // Demo and benchmark data: every LAO of the DLA registry with a season of runs (docs/benchmarks.md).
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<NationalDemoLoad>().RunAsync(Console.Out, interactive: !Console.IsOutputRedirected);
    return;
}

DemoSignIns? demo;
await using (var scope = app.Services.CreateAsyncScope())
{
    demo = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeEmbeddedAsync();
}

// The model and the demo's alert morning build beside the rest of the start; /health/ready waits for them.
var warmUp = app.Services.GetRequiredService<StartupWarmUp>();
warmUp.Start();

app.UsePlatformPipeline();
app.MapPlatformHealthChecks();
app.MapOpenApi();
app.MapConnectEndpoints();
app.MapMeasureEndpoints();
app.MapOrgUnitEndpoints();
app.MapReportEndpoints();
app.MapComplianceEndpoints();
app.MapDashboardEndpoints();
app.MapLaoEndpoints();
app.MapAlertEndpoints();
app.MapLanguageEndpoints();
app.MapRazorPages();

// The banner (address and demo sign-ins) once the app serves everything: people and the journeys sign in right after it.
app.Lifetime.ApplicationStarted.Register(() => warmUp.Completion.ContinueWith(
    done => { if (done.IsCompletedSuccessfully) { StartupBanner.PrintWhenStarted(app, demo); } }, TaskScheduler.Default));
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
