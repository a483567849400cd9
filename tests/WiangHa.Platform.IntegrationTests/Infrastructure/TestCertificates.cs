using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// Signing and encryption certificates for the OpenID Connect server, written once per test run as PKCS#12 files:
/// the same configuration path a deployment uses (never OpenIddict's development keys).
/// </summary>
public static class TestCertificates
{
    private static readonly Lazy<(string Signing, string Encryption)> Files = new(Create);

    public static string SigningPath => Files.Value.Signing;

    public static string EncryptionPath => Files.Value.Encryption;

    private static (string, string) Create()
    {
        var directory = Directory.CreateTempSubdirectory("wiangha-test-certs-").FullName;
        return (Write(directory, "signing.pfx", X509KeyUsageFlags.DigitalSignature), Write(directory, "encryption.pfx", X509KeyUsageFlags.KeyEncipherment));
    }

    private static string Write(string directory, string name, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=WiangHa test {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        // OpenIddict refuses a certificate that is not valid at its own clock, the hosts' pinned one; the machine's
        // clock (TLS, clients) may be months from it, so the validity spans both.
        var machineNow = TimeProvider.System.GetUtcNow();
        var notBefore = (machineNow < TestClock.PinnedAt ? machineNow : TestClock.PinnedAt).AddDays(-1);
        var notAfter = (machineNow > TestClock.PinnedAt ? machineNow : TestClock.PinnedAt).AddYears(1);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }
}
