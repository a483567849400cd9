using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.Infrastructure.Organisations;

public static class OrganisationsServiceCollectionExtensions
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<OrgUnitInput>, OrgUnitInputValidator>();
        services.AddSingleton<IValidator<OnboardOrganisationInput>, OnboardOrganisationInputValidator>();
        services.AddScoped<OrganisationQueries>();
        services.AddScoped<RegistryQueries>();
        services.AddScoped<OnboardOrganisationHandler>();
        services.AddScoped<SetOrganisationStatusHandler>();
        services.AddScoped<OrgUnitQueries>();
        services.AddScoped<OrgUnitWriter>();
        services.AddScoped<CreateOrgUnitHandler>();
        services.AddScoped<UpdateOrgUnitHandler>();
        services.AddScoped<DeleteOrgUnitHandler>();
        services.AddScoped<CrossTenantMemberships>();
        return services;
    }
}
