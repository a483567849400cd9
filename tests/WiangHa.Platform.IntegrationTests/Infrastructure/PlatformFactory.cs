using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Seeding;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The real app (real middleware, real EF Core) over a real database configured as a server deployment: no demo
/// data, migrated by the fixture as the explicit <c>migrate</c> command would. Each test makes its own tenants.
/// One factory per test class (xunit class fixture); classes run in parallel with separate databases.
/// </summary>
public sealed class PlatformFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public string SchedulerName { get; } = $"test-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // Schema first, as the `migrate` command does before a deployment starts: the Quartz job store only
        // validates its tables when the host (and so the scheduler) starts.
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UseProvider(_database.Provider, _database.ConnectionString);
        await using (var db = new PlatformDbContext(options.Options, new AsyncLocalMultiTenantContextAccessor()))
        {
            await db.Database.MigrateAsync();
        }

        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Platform", Database.ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Quartz names must be unique in one process; each factory is its own "deployment" with its own database.
        builder.UseSetting("Compliance:Scheduler:Name", SchedulerName);
        // The link checker may reach the tests' own servers on 127.0.0.1, and nothing else.
        builder.UseSetting("Compliance:LinkChecker:AllowLoopback", "true");
        builder.UseSetting("Compliance:LinkChecker:PerHostInterval", "00:00:00");
        builder.UseSetting("Compliance:LinkChecker:Timeout", "00:00:05");
        // Fewer PBKDF2 rounds keep hundreds of test sign-ins fast; the algorithm and code paths stay the real ones.
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    /// <summary>A DI scope for arranging and inspecting data directly, as a background job would.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public TestData Data => new(this);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The collection fixture's provider name in test output, so SQLite and PostgreSQL runs are told apart.</summary>
public static class Providers
{
    public static DatabaseProvider Current => TestDatabase.SelectedProvider;
}
