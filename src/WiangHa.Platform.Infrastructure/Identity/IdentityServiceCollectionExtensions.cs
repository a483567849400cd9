using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace WiangHa.Platform.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Invitations and LAO members; ASP.NET Core Identity's own stores come from <c>AddPlatformIdentityStores</c>.</summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<InviteMemberInput>, InviteMemberInputValidator>();
        services.AddSingleton<IValidator<InvitePlatformUserInput>, InvitePlatformUserInputValidator>();
        services.AddScoped<InvitationQueries>();
        services.AddScoped<InviteMemberHandler>();
        services.AddScoped<InvitePlatformUserHandler>();
        services.AddScoped<AcceptInvitationHandler>();
        services.AddScoped<TenantMemberQueries>();
        services.AddScoped<ChangeMemberRoleHandler>();
        services.AddScoped<SetMemberActiveHandler>();
        services.AddScoped<AccessRevocation>();
        services.AddScoped<TokenEntries>();
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.SectionName)
            .Validate(o => o.FailuresPerClient > 0 && o.AccountFailuresPerHour > 0 && o.ClientWindow > TimeSpan.Zero && o.KnownClientDays > 0,
                "Security:SignIn needs positive limits.")
            .ValidateOnStart();
        services.AddScoped<SignInThrottle>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<IValidator<RequestPasswordResetInput>, RequestPasswordResetInputValidator>();
        services.AddScoped<RequestPasswordResetHandler>();
        services.AddScoped<PasswordResetMail>();
        services.AddScoped<CrossTenantIdentityRetention>();
        return services;
    }
}
