using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Infrastructure.Seeding;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString ??= configuration.GetConnectionString("Platform");
        var connectionString = options.IsEmbeddedDefault ? EmbeddedSqliteConnectionString(options, environment) : options.ConnectionString!;
        services.AddSingleton(options);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TenantSaveChangesInterceptor>();
        services.AddSingleton<VersionStampInterceptor>();
        services.AddDbContext<PlatformDbContext>((sp, db) => db
            .UseProvider(options.Provider, connectionString)
            .AddInterceptors(sp.GetRequiredService<VersionStampInterceptor>(), sp.GetRequiredService<TenantSaveChangesInterceptor>()));
        services.AddDataProtection().SetApplicationName("WiangHa.Platform").PersistKeysToDbContext<PlatformDbContext>();
        services.AddSingleton(configuration.GetSection(LinkCheckerOptions.SectionName).Get<LinkCheckerOptions>() ?? new LinkCheckerOptions());
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
        identity.AddEntityFrameworkStores<PlatformDbContext>().AddDefaultTokenProviders();

    public static IServiceCollection AddPlatformFeatures(this IServiceCollection services)
    {
        services.AddMeasures();
        services.AddOrganisations();
        services.AddIta();
        services.AddCompliance();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoDataSeeder>();
        return services;
    }

    private static string EmbeddedSqliteConnectionString(DatabaseOptions options, IHostEnvironment environment)
    {
        var directory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "wiangha.db")}";
    }
}
