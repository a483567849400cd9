using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// LINE channel access tokens and webhook HMAC keys at rest: protected with ASP.NET Core Data Protection (keys in the
/// database, shared by every replica), so a copy of the table alone reveals nothing. Plain secrets live only in memory
/// while a message is sent or a connection saved; they are never logged, audited or shown again.
/// </summary>
public sealed class AlertSecrets(IDataProtectionProvider provider)
{
    // Fixed for good: changing it would make every stored secret unreadable.
    private const string Purpose = "WiangHa.Platform.Alerts.ConnectionSecret.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>A new webhook key: 32 random bytes, base64url (what the receiver holds and signs with, as UTF-8).</summary>
    public static string NewWebhookKey() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The last four characters, for "saved · ends …abcd"; nothing for a secret too short to hint at safely.</summary>
    public string Hint(string protectedSecret)
    {
        try
        {
            var secret = Unprotect(protectedSecret);
            return secret.Length >= 16 ? secret[^4..] : "";
        }
        catch (CryptographicException)
        {
            return ""; // a key ring that lost its key: the page still shows the connection, the sender reports the failure
        }
    }
}
