using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Seeding;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The real app (real middleware, real EF Core) over a real database configured as a server deployment: no demo
/// data, migrated by the fixture as the explicit <c>migrate</c> command would. Each test makes its own tenants.
/// One factory per test class (xunit class fixture); classes run in parallel with separate databases.
/// The app runs on <see cref="Clock"/>, pinned at <see cref="TestClock.PinnedAt"/>, never on the machine's clock.
/// </summary>
public class PlatformFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>Sign-ins allowed per minute from one IP; subclasses lower it to test the limiter.</summary>
    protected virtual int RateLimitSignIns => 100_000;

    /// <summary>More settings for subclasses (e.g. the SMTP server of a test).</summary>
    protected virtual IEnumerable<(string Key, string Value)> ExtraSettings => [];

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public string SchedulerName { get; } = $"test-{Guid.NewGuid():N}";

    /// <summary>The app's clock (and its scheduler's); tests arrange times from it and advance it.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public virtual async Task InitializeAsync()
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
        builder.UseClock(Clock);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Platform", Database.ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Identity:Oidc:SigningCertificatePath", TestCertificates.SigningPath);
        builder.UseSetting("Identity:Oidc:EncryptionCertificatePath", TestCertificates.EncryptionPath);
        builder.UseSetting("Identity:Oidc:RequireHttps", "false");
        builder.UseSetting("Platform:PublicBaseUrl", "http://localhost");
        // Every test signs in from 127.0.0.1; the limiter itself is tested with its own low limit.
        builder.UseSetting("Security:RateLimits:SignInPerMinute", RateLimitSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:RateLimits:TokenPerMinute", "100000");
        builder.UseSetting("Security:RateLimits:ApiPerMinute", "100000");
        builder.UseSetting("Security:RateLimits:ForgotPasswordPerMinute", "100000");
        // Quartz names must be unique in one process; each factory is its own "deployment" with its own database.
        builder.UseSetting("Compliance:Scheduler:Name", SchedulerName);
        // The link checker may reach the tests' own servers on 127.0.0.1, and nothing else.
        builder.UseSetting("Compliance:LinkChecker:AllowLoopback", "true");
        builder.UseSetting("Compliance:LinkChecker:PerHostInterval", "00:00:00");
        builder.UseSetting("Compliance:LinkChecker:Timeout", "00:00:05");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
        // Fewer PBKDF2 rounds keep hundreds of test sign-ins fast; the algorithm and code paths stay the real ones.
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    /// <summary>An HTTP client with a cookie jar that does not follow redirects (tests look at them).</summary>
    public virtual HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A DI scope for arranging and inspecting data directly, as a background job would.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public TestData Data => new(this);

    public new virtual async Task DisposeAsync()
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
