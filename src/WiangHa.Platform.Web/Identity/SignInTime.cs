using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// When the person last proved who they are (OpenID Connect's <c>auth_time</c>), kept in the UI cookie's properties:
/// written when the cookie is first issued and carried over when it is renewed (sliding expiry, security stamp).
/// </summary>
public static class SignInTime
{
    private const string Item = ".wh.auth_time";

    public static DateTimeOffset? Of(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(Item, out var value) == true && long.TryParse(value, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : properties?.IssuedUtc;

    public static IServiceCollection AddSignInTime(this IServiceCollection services) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var previous = options.Events.OnSigningIn;
            options.Events.OnSigningIn = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(Item, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
                await previous(context);
            };
        });
}
