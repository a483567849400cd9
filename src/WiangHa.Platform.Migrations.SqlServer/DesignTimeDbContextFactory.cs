using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Migrations.SqlServer;

/// <remarks>
/// Add a migration (no server needed): <c>dotnet ef migrations add &lt;Name&gt; --project src/WiangHa.Platform.Migrations.SqlServer --output-dir Migrations</c>.
/// The script a DBA applies: <c>dotnet ef migrations script --idempotent --project src/WiangHa.Platform.Migrations.SqlServer</c>.
/// </remarks>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UseProvider(DatabaseProvider.SqlServer, "Server=localhost;Database=WiangHaDesign;Trusted_Connection=True;TrustServerCertificate=True");
        return new PlatformDbContext(options.Options, new AsyncLocalMultiTenantContextAccessor());
    }
}
