using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.IntegrationTests.Data;

/// <summary>
/// Migrations of all three providers match the model. SQL Server cannot run here, so its migrations are checked as
/// the generated SQL script a DBA would apply (kept as a test artifact).
/// </summary>
[Trait("Category", "SqliteOnly")]
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Migrations_are_up_to_date_with_the_model(DatabaseProvider provider)
    {
        using var db = Context(provider);
        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse($"run dotnet ef migrations add for {provider}");
    }

    [Fact]
    public void Sql_server_script_creates_the_expected_schema()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "sqlserver-migrations.sql"), script);

        foreach (var table in new[] { "Provinces", "Districts", "Organisations", "Memberships", "OrgUnits", "Measures", "EvidenceLinks", "MeasureResponsibleUnit", "AspNetUsers", "DataProtectionKeys" })
        {
            script.ShouldContain($"CREATE TABLE [{table}]");
        }

        script.ShouldContain("[Steps] nvarchar(max) NOT NULL");
        script.ShouldContain("[Version] uniqueidentifier NOT NULL");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_Organisations_Slug]");
        // SQL Server allows one NULL per unique index unless it is filtered; EF must filter the submission key.
        script.ShouldContain("CREATE UNIQUE INDEX [IX_Measures_TenantId_SubmissionKey] ON [Measures] ([TenantId], [SubmissionKey]) WHERE [SubmissionKey] IS NOT NULL");
        script.ShouldContain("CREATE INDEX [IX_Measures_TenantId_FiscalYear_Number]");
        script.ShouldContain("[__EFMigrationsHistory]");
        script.ShouldNotContain("ON DELETE CASCADE ON UPDATE CASCADE"); // guard against multiple cascade paths
        // The clustered job store's tables (ClusteredJobStoreTests checks the scheduler configured on them).
        foreach (var table in new[] { "JOB_DETAILS", "TRIGGERS", "CRON_TRIGGERS", "SIMPLE_TRIGGERS", "FIRED_TRIGGERS", "SCHEDULER_STATE", "LOCKS" })
        {
            script.ShouldContain($"CREATE TABLE QRTZ_{table} (");
        }

        script.ShouldContain("REQUESTS_RECOVERY bit NOT NULL");
    }

    private static PlatformDbContext Context(DatabaseProvider provider)
    {
        var connection = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=unused",
            _ => "Server=unused;Database=unused;TrustServerCertificate=True",
        };
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UseProvider(provider, connection);
        return new PlatformDbContext(options.Options, new AsyncLocalMultiTenantContextAccessor());
    }
}
