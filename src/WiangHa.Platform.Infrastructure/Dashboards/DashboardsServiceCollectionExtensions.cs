using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.Infrastructure.Dashboards;

public static class DashboardsServiceCollectionExtensions
{
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddScoped<LaoStandingWriter>();
        services.AddScoped<ProvinceDayFigureWriter>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<LaoQueries>();
        return services;
    }
}
