using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using WiangHa.Platform.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The platform's data services and scheduler in a bare container (no web host), configured by the given settings:
/// a node of a Quartz cluster that a test starts by hand, or that only talks to the shared job store. It runs on the
/// system clock (<c>AddPlatformData</c> registers it and nothing replaces it).
/// </summary>
public static class SchedulerNode
{
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPlatformData(configuration, new TestEnvironment()).AddPlatformTenancy().AddPlatformFeatures();
        return services.BuildServiceProvider();
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "WiangHa.Platform.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
