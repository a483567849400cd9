using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Migrations.Sqlite;

/// <remarks>
/// Add a migration: <c>dotnet ef migrations add &lt;Name&gt; --project src/WiangHa.Platform.Migrations.Sqlite --output-dir Migrations</c>
/// </remarks>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UseProvider(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new PlatformDbContext(options.Options, new AsyncLocalMultiTenantContextAccessor());
    }
}
