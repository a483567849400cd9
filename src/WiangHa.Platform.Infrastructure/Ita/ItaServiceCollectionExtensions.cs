using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.Infrastructure.Ita;

public static class ItaServiceCollectionExtensions
{
    public static IServiceCollection AddIta(this IServiceCollection services)
    {
        services.AddSingleton<ItaCatalogueCache>();
        services.AddScoped<ItaCatalogueQueries>();
        services.AddScoped<ImportItaCatalogueHandler>();
        services.AddScoped<PublishItaManualVersionHandler>();
        services.AddScoped<SetUnreachableLinkPolicyHandler>();
        services.AddSingleton<IValidator<UnreachableLinkPolicyInput>, UnreachableLinkPolicyInputValidator>();
        services.AddScoped<ShippedCatalogues>();
        services.AddScoped<ShippedMappings>();
        services.AddScoped<ItaMappingQueries>();
        services.AddScoped<CrossTenantItaPublishImpact>();
        services.AddScoped<DraftItaManualFromYearHandler>();
        services.AddScoped<SaveItaDraftItemHandler>();
        services.AddScoped<RemoveItaDraftItemHandler>();
        services.AddSingleton<IValidator<DraftManualInput>, DraftManualInputValidator>();
        services.AddSingleton<IValidator<DraftItemInput>, DraftItemInputValidator>();
        services.AddScoped<IItaItemTexts, CatalogueItaItemTexts>();
        return services;
    }
}
