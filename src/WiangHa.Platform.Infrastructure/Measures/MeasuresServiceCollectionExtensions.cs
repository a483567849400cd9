using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.Infrastructure.Measures;

public static class MeasuresServiceCollectionExtensions
{
    public static IServiceCollection AddMeasures(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<MeasureInput>, MeasureInputValidator>();
        services.AddScoped<MeasureWriter>();
        services.AddScoped<MeasureQueries>();
        services.AddScoped<CreateMeasureHandler>();
        services.AddScoped<UpdateMeasureHandler>();
        services.AddScoped<DeleteMeasureHandler>();
        services.AddScoped<CarryOverMeasuresHandler>();
        return services;
    }
}
