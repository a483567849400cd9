using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.Infrastructure.Compliance;

public static class ComplianceServiceCollectionExtensions
{
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        services.AddSingleton<LinkChecker>();
        services.AddSingleton<ComplianceRunner>();
        services.AddScoped<ComplianceEvaluation>();
        services.AddScoped<LinkSweep>();
        services.AddScoped<SaveItemDisclosure>();
        services.AddScoped<DeleteItemDisclosure>();
        services.AddScoped<ComplianceQueries>();
        services.AddScoped<RequestComplianceCheck>();
        return services;
    }
}
