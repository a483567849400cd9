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
        services.AddScoped<SaveMilestonesHandler>();
        services.AddScoped<SaveAlertPolicyHandler>();
        services.AddScoped<AlertOutboxQueries>();
        services.AddScoped<CrossTenantAlertRetries>();
        services.AddScoped<RetryAlertHandler>();
        services.AddScoped<RetryFailedAlertsHandler>();
        services.AddSingleton<IValidator<SaveMilestonesInput>, SaveMilestonesInputValidator>();
        services.AddSingleton<IValidator<AlertPolicyInput>, AlertPolicyInputValidator>();
        services.AddSingleton<SendAlerts>();
        services.AddScoped<IAlertDelivery, InAppDelivery>();
        services.AddScoped<IAlertDelivery, EmailDelivery>();
        return services;
    }
}
