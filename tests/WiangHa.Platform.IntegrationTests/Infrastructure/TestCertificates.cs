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
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }
}
