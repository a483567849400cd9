using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.UnitTests.Identity;

/// <summary>
/// Every replica signs and decrypts tokens with the same keys, so keys made up at start-up (OpenIddict's development
/// certificates) are refused wherever there can be more than one process or real users: on a server database and in
/// Production.
/// </summary>
public sealed class OidcKeyTests
{
    [Theory]
    [InlineData("PostgreSql", "Development")]
    [InlineData("SqlServer", "Production")]
    [InlineData("Sqlite", "Production")]
    public void Start_up_without_shared_certificate_files_is_refused(string provider, string environment)
    {
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = provider, ["Database:DataDirectory"] = "data" };
        if (provider != "Sqlite")
        {
            settings["ConnectionStrings:Platform"] = "Host=127.0.0.1;Database=unused";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var refusal = Should.Throw<InvalidOperationException>(() => new ServiceCollection().AddPlatformOpenIdConnect(
            configuration, DatabaseOptions.From(configuration), new HostingEnvironment { EnvironmentName = environment }));

        refusal.Message.ShouldContain("Identity:Oidc:SigningCertificatePath");
    }
}
