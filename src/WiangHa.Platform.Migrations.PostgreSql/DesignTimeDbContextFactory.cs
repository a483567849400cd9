using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Migrations.PostgreSql;

/// <remarks>
/// Add a migration (no server needed): <c>dotnet ef migrations add &lt;Name&gt; --project src/WiangHa.Platform.Migrations.PostgreSql --output-dir Migrations</c>
/// </remarks>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UseProvider(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=wiangha_design");
        return new PlatformDbContext(options.Options, new AsyncLocalMultiTenantContextAccessor());
    }
}
