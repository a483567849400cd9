using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Organisations;

/// <summary>An operator suspends an LAO or reactivates it; its data is always kept.</summary>
public sealed class SetOrganisationStatusHandler(PlatformDbContext db, AccessRevocation access, TenantScope tenantScope)
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
        if (status == OrganisationStatus.Suspended)
        {
            // The tenant check already refuses the LAO on every request; ending its members' sessions and tokens as
            // well means a reactivation does not bring back tokens and cookies issued before the suspension.
            List<Guid> members;
            using (tenantScope.Enter(TenantInfo.From(organisation)))
            {
                members = await db.Memberships.AsNoTracking().Where(m => m.IsActive).Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
            }

            foreach (var member in members)
            {
                await access.EndAsync(member, cancellationToken);
            }
        }

        return new CommandResult.Success(organisation.Id, Guid.Empty);
    }
}
