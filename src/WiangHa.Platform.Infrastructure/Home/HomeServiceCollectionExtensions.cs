using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.Infrastructure.Home;

public static class HomeServiceCollectionExtensions
{
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<ClerkAgendaQueries>();
        return services;
    }
}
