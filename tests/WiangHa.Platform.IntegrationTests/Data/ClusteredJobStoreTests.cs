using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Data;

/// <summary>
/// The job store of each server database is clustered. SQL Server cannot run here, so its side is checked
/// structurally: the scheduler the app configures for it (clustered, SQL Server driver, the check-in interval) here, the
/// Quartz tables in the migration script a DBA applies in <see cref="MigrationTests"/>. PostgreSQL's is exercised live by the cluster tests.
/// </summary>
[Trait("Category", "SqliteOnly")]
public sealed class ClusteredJobStoreTests
{
    [Theory]
    [InlineData("SqlServer", "Server=unused;Database=unused;TrustServerCertificate=True", DataSourceOptions.Providers.SqlServer)]
    [InlineData("PostgreSql", "Host=127.0.0.1;Database=unused", DataSourceOptions.Providers.Npgsql)]
    public void Server_databases_get_a_clustered_job_store_with_their_driver(string provider, string connectionString, string driver)
    {
        using var node = SchedulerNode.Build(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Platform"] = connectionString,
            ["Compliance:Scheduler:Enabled"] = "false",
            ["Compliance:Scheduler:ClusterCheckinInterval"] = "00:00:07",
        });

        var clustering = node.GetRequiredService<IOptionsMonitor<ClusteringOptions>>();
        var dataSources = node.GetRequiredService<IOptionsMonitor<DataSourceOptions>>();
        var store = node.GetRequiredService<IOptionsMonitor<AdoJobStoreOptions>>();
        var scheduler = node.GetRequiredService<IOptions<QuartzSchedulerOptions>>().Value;

        scheduler.InstanceName.ShouldBe("WiangHa");
        var cluster = clustering.CurrentValue;
        cluster.Enabled.ShouldBeTrue();
        cluster.CheckinInterval.ShouldBe(TimeSpan.FromSeconds(7));
        var dataSource = dataSources.Get(store.CurrentValue.DataSource);
        dataSource.Provider.ShouldBe(driver);
        dataSource.ConnectionString.ShouldBe(connectionString);
    }
}
