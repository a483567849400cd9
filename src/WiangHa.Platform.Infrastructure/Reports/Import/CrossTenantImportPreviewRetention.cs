using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Reports.Import;

/// <summary>
/// Import previews hold every parsed row as JSON (a 4 MB upload stored 13 MB) and were kept forever. A preview never
/// confirmed within <see cref="PreviewLifetime"/> is deleted after the nightly run, across every tenant (hence the
/// name: the bulk delete steps over the tenant filter). Confirmed batches stay: they are how a re-import is recognised.
/// </summary>
public sealed class CrossTenantImportPreviewRetention(PlatformDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan PreviewLifetime = TimeSpan.FromHours(24);

    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        // In UTC like the stored instants (SQLite compares DateTimeOffset by its local ticks).
        var cutoff = clock.GetUtcNow().ToUniversalTime() - PreviewLifetime;
        return await db.ImportBatches.IgnoreQueryFilters([PlatformDbContext.TenantFilter])
            .Where(b => b.Status == ImportBatchStatus.Previewed && b.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
