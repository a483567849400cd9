using OtpNet;

namespace WiangHa.Platform.TestSupport;

/// <summary>What a phone's authenticator app does: TOTP codes (RFC 6238, 30 s, 6 digits) from the shared key.</summary>
public static class Authenticator
{
    /// <summary>The code for the current 30-second step, or <paramref name="stepsAhead"/> steps later.</summary>
    /// <remarks>
    /// Reads the machine's clock, as a phone does and as ASP.NET Core Identity's authenticator token provider does when
    /// it checks the code (it does not read the injected <see cref="TimeProvider"/>), so the test hosts' pinned clock
    /// plays no part here.
    /// </remarks>
    public static string Code(string sharedKey, int stepsAhead = 0)
    {
        var key = Base32Encoding.ToBytes(sharedKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        return new Totp(key).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));
    }
}
