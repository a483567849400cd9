using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>The platform on real Kestrel (127.0.0.1, a free port), for clients that speak real HTTP.</summary>
public class KestrelPlatformFactory : PlatformFactory
{
    public KestrelPlatformFactory() => UseKestrel(0);

    public Uri BaseAddress { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        ClientOptions.BaseAddress = BaseAddress;
    }

    /// <summary>Real sockets: the handler's own redirect following is switched off here, not by the factory.</summary>
    public override HttpClient CreateBrowserClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = BaseAddress };

    /// <summary>Registers an OAuth client the way an operator would (through OpenIddict's manager).</summary>
    public async Task RegisterClientAsync(OpenIddictApplicationDescriptor descriptor)
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);
    }
}
