using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Tenancy;

/// <summary>
/// The tenant registry (Finbuckle's <c>IMultiTenantStore</c>): organisations are not tenant-owned. Every request
/// with a tenant reads its row here, so these are compiled projections by a unique index and never cached: a
/// suspension is refused on the very next request on every replica.
/// </summary>
public sealed class TenantStore(PlatformDbContext db)
{
    // Declared before the queries that use it: static fields initialise in order.
    private static readonly Expression<Func<Organisation, TenantInfo>> AsTenant = o => new TenantInfo(o.Id, o.Slug, o.NameTh, o.Status, o.ProvinceCode);

    private static readonly Func<PlatformDbContext, string, CancellationToken, Task<TenantInfo?>> BySlug =
        EF.CompileAsyncQuery((PlatformDbContext db, string slug, CancellationToken cancellationToken) =>
            db.Organisations.Where(o => o.Slug == slug).Select(AsTenant).FirstOrDefault());

    private static readonly Func<PlatformDbContext, Guid, CancellationToken, Task<TenantInfo?>> ById =
        EF.CompileAsyncQuery((PlatformDbContext db, Guid id, CancellationToken cancellationToken) =>
            db.Organisations.Where(o => o.Id == id).Select(AsTenant).FirstOrDefault());

    public Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default) =>
        BySlug(db, identifier.ToLowerInvariant(), cancellationToken);

    public Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        ById(db, id, cancellationToken);
}
