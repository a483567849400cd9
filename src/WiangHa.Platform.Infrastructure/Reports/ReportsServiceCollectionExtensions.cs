using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Reports.Import;

namespace WiangHa.Platform.Infrastructure.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportBuilder>();
        services.AddScoped<ReportSettings>();
        services.AddScoped<ImportReportHandler>();
        services.AddScoped<CarryOverMeasuresHandler>();
        services.AddScoped<CrossTenantPublicReports>();
        return services;
    }
}
