using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.Infrastructure.Alerts;

public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddScoped<MilestoneCalendar>();
        services.AddScoped<PlanAlerts>();
        services.AddScoped<CrossTenantAlertReads>();
        services.AddScoped<CrossTenantAlertOutbox>();
        services.AddScoped<NotificationCentre>();
        services.AddSingleton<IValidator<AlertPreferencesInput>, AlertPreferencesInputValidator>();
        services.AddScoped<SaveAlertPreferencesHandler>();
        services.AddScoped<AlertPreferencesQueries>();
        services.AddSingleton<SendAlerts>();
        services.AddScoped<IAlertDelivery, InAppDelivery>();
        services.AddScoped<IAlertDelivery, EmailDelivery>();
        return services;
    }
}
