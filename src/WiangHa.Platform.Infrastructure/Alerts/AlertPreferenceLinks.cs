using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// The one-click link in every alert email: a Data Protection token naming the user and an expiry 60 days on, that
/// opens their alert preferences without signing in (the link is only in mail sent to them). It can switch alert emails
/// off or on and choose the language; nothing else. The expiry is checked on the injected clock, not Data
/// Protection's own time-limited protector, which reads the machine's.
/// </summary>
public static class AlertPreferenceLinks
{
    public const string Purpose = "WiangHa.Alerts.Preferences.v1";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    /// <summary>The page a person opens from the email.</summary>
    public static string PathFor(IDataProtectionProvider protection, TimeProvider clock, Guid userId) =>
        "/alerts/preferences?token=" + Token(protection, clock, userId);

    /// <summary>Where a mail app POSTs <c>List-Unsubscribe=One-Click</c> (RFC 8058): alert emails off, nothing else.</summary>
    public static string OneClickPathFor(IDataProtectionProvider protection, TimeProvider clock, Guid userId) =>
        "/alerts/unsubscribe?token=" + Token(protection, clock, userId);

    /// <summary>The public address links start with (<c>Platform:PublicBaseUrl</c>; the embedded default's own otherwise).</summary>
    public static string BaseUrl(IConfiguration configuration) => configuration["Platform:PublicBaseUrl"]?.TrimEnd('/') ?? "http://localhost:5080";

    private static string Token(IDataProtectionProvider protection, TimeProvider clock, Guid userId)
    {
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Uri.EscapeDataString(protection.CreateProtector(Purpose).Protect($"{userId:N}|{expires}"));
    }

    /// <summary>The user the token names, or null when it is forged, altered or expired.</summary>
    public static Guid? UserFrom(IDataProtectionProvider protection, TimeProvider clock, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = protection.CreateProtector(Purpose).Unprotect(token).Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().ToUnixTimeSeconds() < expires ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
