using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>LAO members; ASP.NET Core Identity's own stores come from <c>AddPlatformIdentityStores</c>.</summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddScoped<TenantMemberQueries>();
        services.AddScoped<ChangeMemberRoleHandler>();
        services.AddScoped<SetMemberActiveHandler>();
        return services;
    }
}
