using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WiangHa.Platform.Infrastructure.Alerts;

public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddScoped<MilestoneCalendar>();
        services.AddScoped<PlanAlerts>();
        services.AddScoped<CrossTenantAlertReads>();
        services.AddScoped<CrossTenantAlertOutbox>();
        services.AddScoped<CrossTenantAlertRetention>();
        services.AddScoped<NotificationCentre>();
        services.AddSingleton<IValidator<AlertPreferencesInput>, AlertPreferencesInputValidator>();
        services.AddScoped<SaveAlertPreferencesHandler>();
        services.AddScoped<AlertPreferencesQueries>();
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
        services.AddAlertChannels();
        return services;
    }

    /// <summary>LINE and outgoing webhooks: their options, HTTP clients, deliveries and the settings' use cases.</summary>
    private static void AddAlertChannels(this IServiceCollection services)
    {
        services.AddOptions<AlertChannelOptions>().BindConfiguration(AlertChannelOptions.SectionName)
            .Validate(o => o.LineApiBaseAddress is { IsAbsoluteUri: true } && o.Timeout > TimeSpan.Zero && o.DefaultLineMonthlyQuota > 0,
                "Alerts:Channels needs an absolute LineApiBaseAddress, a positive Timeout and DefaultLineMonthlyQuota.")
            .Validate(o => o.SendLease > o.Timeout, "Alerts:Channels:SendLease must be longer than the channels' Timeout.")
            .ValidateOnStart();
        // LINE's address is the operators' configuration; no redirects either way.
        // Neither client logs its requests: a webhook URL (a Teams or LINE-bridge URL carries its secret in the path) or
        // the LINE target is the tenant's, not the logs'.
        services.AddHttpClient(ConnectionDelivery.LineClient)
            .RemoveAllLoggers()
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<AlertChannelOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        // A webhook's URL is typed by a tenant: public addresses only, checked at connect time (as the link checker
        // does), and no redirects, so the signed payload cannot be bounced to an address nobody checked.
        services.AddHttpClient(ConnectionDelivery.WebhookClient)
            .RemoveAllLoggers()
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<AlertChannelOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowLoopback = sp.GetRequiredService<IOptions<AlertChannelOptions>>().Value.AllowLoopbackWebhooks;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    ConnectCallback = (context, cancellationToken) => Common.PublicAddresses.ConnectAsync(context, allowLoopback, cancellationToken),
                };
            });

        services.AddSingleton<AlertSecrets>();
        services.AddScoped<AlertSettingsQueries>();
        services.AddScoped<IAlertDelivery, LineDelivery>();
        services.AddScoped<IAlertDelivery, WebhookDelivery>();
        services.AddSingleton<IValidator<LineConnectionInput>, LineConnectionInputValidator>();
        services.AddSingleton<IValidator<WebhookConnectionInput>, WebhookConnectionInputValidator>();
        services.AddScoped<SaveLineConnectionHandler>();
        services.AddScoped<ConnectWebhookHandler>();
        services.AddScoped<DeleteAlertConnectionHandler>();
        services.AddScoped<SetAlertReceptionHandler>();
    }
}
