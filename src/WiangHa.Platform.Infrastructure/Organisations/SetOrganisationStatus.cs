using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Organisations;

/// <summary>An operator suspends an LAO or reactivates it; its data is always kept.</summary>
public sealed class SetOrganisationStatusHandler(PlatformDbContext db)
{
    public async Task<CommandResult> HandleAsync(Guid organisationId, OrganisationStatus status, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return new CommandResult.NotFound();
        }

        organisation.Status = status;
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(organisation.Id, Guid.Empty);
    }
}
