using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Tenancy;

/// <summary>The tenant registry (Finbuckle's <c>IMultiTenantStore</c>): organisations are not tenant-owned.</summary>
public sealed class TenantStore(PlatformDbContext db)
{
    public async Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default)
    {
        var slug = identifier.ToLowerInvariant();
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == slug, cancellationToken);
        return organisation is null ? null : TenantInfo.From(organisation);
    }

    public async Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? null : TenantInfo.From(organisation);
    }
}
