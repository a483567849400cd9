using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>
/// Publishes a draft version: from then on it is the version checks of that year use. Nothing is rewritten; a version
/// that is not a draft (or does not exist) is not found.
/// </summary>
public sealed class PublishItaManualVersionHandler(PlatformDbContext db, TimeProvider clock, ItaCatalogueQueries queries)
{
    public async Task<CommandResult> HandleAsync(Guid versionId, string publishedBy, CancellationToken cancellationToken = default)
    {
        var version = await db.ItaManualVersions.SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null || version.Status != ItaManualVersionStatus.Draft)
        {
            return new CommandResult.NotFound();
        }

        version.Status = ItaManualVersionStatus.Published;
        version.PublishedAt = clock.GetUtcNow();
        version.PublishedBy = publishedBy;
        await db.SaveChangesAsync(cancellationToken);
        queries.Forget(); // this scope reads the new version next; other scopes and replicas read it anyway
        return new CommandResult.Success(version.Id, Guid.Empty);
    }
}
