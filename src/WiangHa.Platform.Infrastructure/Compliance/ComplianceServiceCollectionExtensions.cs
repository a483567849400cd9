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
        services.AddScoped<CrossTenantNightlyRun>();
        services.AddScoped<LinkSweep>();
        services.AddSingleton<IValidator<DisclosureInput>, DisclosureInputValidator>();
        services.AddScoped<DisclosureWriter>();
        services.AddScoped<SaveItemDisclosureHandler>();
        services.AddScoped<UpdateItemDisclosureHandler>();
        services.AddScoped<DeleteItemDisclosureHandler>();
        services.AddScoped<ComplianceQueries>();
        services.AddScoped<ItasSheetQueries>();
        services.AddScoped<DisclosureCarryOverQueries>();
        services.AddScoped<CarryOverDisclosuresHandler>();
        services.AddSingleton<IValidator<CarryDisclosuresInput>, CarryDisclosuresInputValidator>();
        services.AddScoped<RequestComplianceCheckHandler>();
        services.AddScoped<CrossTenantComplianceHistory>();
        services.AddOptions<ComplianceHistoryOptions>().BindConfiguration(ComplianceHistoryOptions.SectionName)
            .Validate(o => o.DailyDays >= 7 && o.Years >= 2, "Compliance:History keeps at least 7 days of daily runs and 2 assessment years (this year against last).")
            .ValidateOnStart();
        return services;
    }
}
