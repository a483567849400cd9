using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Email;
using Microsoft.Extensions.Hosting;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Home;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Infrastructure.Reports;
using WiangHa.Platform.Infrastructure.Seeding;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = DatabaseOptions.From(configuration);
        var connectionString = options.IsEmbeddedDefault ? EmbeddedSqliteConnectionString(options, environment) : options.ConnectionString!;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName)
            .PostConfigure(o => o.ConnectionString ??= configuration.GetConnectionString("Platform"))
            .Validate(o => Enum.IsDefined(o.Provider), "Database:Provider must be Sqlite, PostgreSql or SqlServer.")
            .Validate(o => o.IsEmbeddedDefault || !string.IsNullOrWhiteSpace(o.ConnectionString), "ConnectionStrings:Platform is required for PostgreSql and SqlServer.")
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<PlatformMetrics>();
        services.AddSingleton<TenantSaveChangesInterceptor>();
        services.AddSingleton<VersionStampInterceptor>();
        services.AddScoped<AuditInterceptor>();
        services.TryAddScoped<IAuditActorAccessor, SystemAuditActorAccessor>();
        // Order matters: versions and audit entries are added before the tenant guard checks every row.
        services.AddDbContext<PlatformDbContext>((sp, db) => db
            .UseProvider(options.Provider, connectionString)
            .AddInterceptors(
                sp.GetRequiredService<VersionStampInterceptor>(),
                sp.GetRequiredService<AuditInterceptor>(),
                sp.GetRequiredService<TenantSaveChangesInterceptor>()));
        services.AddOpenIddict().AddCore(o => o.UseEntityFrameworkCore().UseDbContext<PlatformDbContext>());
        // One key ring for every replica, in the database; encrypted at rest with a certificate when one is given.
        var dataProtection = services.AddDataProtection().SetApplicationName("WiangHa.Platform").PersistKeysToDbContext<PlatformDbContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } keyCertificate)
        {
            dataProtection.ProtectKeysWithCertificate(
                System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(keyCertificate, configuration["DataProtection:CertificatePassword"]));
        }
        services.AddOptions<LinkCheckerOptions>().BindConfiguration(LinkCheckerOptions.SectionName)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxBodyBytes > 0 && o.PerHostInterval >= TimeSpan.Zero, "Compliance:LinkChecker needs a positive Timeout and MaxBodyBytes.")
            .ValidateOnStart();
        services.AddComplianceScheduling(configuration, options, connectionString);
        return services;
    }

    public static IServiceCollection AddPlatformTenancy(this IServiceCollection services)
    {
        services.AddSingleton<AsyncLocalMultiTenantContextAccessor>();
        services.AddSingleton<IMultiTenantContextAccessor>(sp => sp.GetRequiredService<AsyncLocalMultiTenantContextAccessor>());
        services.AddSingleton<IMultiTenantContextSetter>(sp => sp.GetRequiredService<AsyncLocalMultiTenantContextAccessor>());
        services.AddSingleton<TenantScope>();
        services.AddScoped<TenantStore>();
        return services;
    }

    public static IdentityBuilder AddPlatformIdentityStores(this IdentityBuilder identity) =>
        identity.AddEntityFrameworkStores<PlatformDbContext>().AddDefaultTokenProviders().AddUserValidator<UserTextValidator>();

    public static IServiceCollection AddPlatformFeatures(this IServiceCollection services)
    {
        services.AddMeasures();
        services.AddOrganisations();
        services.AddReports();
        services.AddIta();
        services.AddCompliance();
        services.AddDashboards();
        services.AddAlerts();
        services.AddHome();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<RegistrySeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoAlerts>();
        services.AddScoped<DemoLaoLoader>();
        services.AddScoped<NationalDemoLoad>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditTrailQueries>();
        services.AddScoped<CrossTenantAccessRefusals>();
        services.AddSingleton<AccessRefusalThrottle>();
        services.AddIdentity();
        services.AddScoped<OpenIdClientRegistrar>();
        // Last: wraps every validator registered above (issue 11, text hygiene).
        services.RefuseControlCharacters();
        return services;
    }

    public static IServiceCollection AddPlatformEmail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName)
            .PostConfigure(o => o.PickupDirectory = Path.GetFullPath(o.PickupDirectory, environment.ContentRootPath))
            .Validate(o => o.SmtpPort is > 0 and < 65536 && !string.IsNullOrWhiteSpace(o.FromAddress), "Email needs a valid SmtpPort and FromAddress.")
            .ValidateOnStart();
        services.AddSingleton<PlatformMailer>();
        // Requests queue mail; senders off the request send it (this replica's worker at once, the minute's job after).
        services.AddScoped<MailQueue>();
        services.AddSingleton<MailQueueSignal>();
        services.AddScoped<CrossTenantMailQueue>();
        services.AddSingleton<SendQueuedMail>();
        services.AddHostedService<MailQueueWorker>();
        return services;
    }


    private static string EmbeddedSqliteConnectionString(DatabaseOptions options, IHostEnvironment environment)
    {
        var directory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "wiangha.db")}";
    }
}
