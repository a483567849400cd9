using FluentValidation;
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
        services.AddSingleton<IValidator<DisclosureInput>, DisclosureInputValidator>();
        services.AddScoped<DisclosureWriter>();
        services.AddScoped<SaveItemDisclosureHandler>();
        services.AddScoped<UpdateItemDisclosureHandler>();
        services.AddScoped<DeleteItemDisclosureHandler>();
        services.AddScoped<ComplianceQueries>();
        services.AddScoped<RequestComplianceCheckHandler>();
        return services;
    }
}
