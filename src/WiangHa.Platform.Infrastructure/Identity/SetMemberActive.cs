using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>The current LAO's admin deactivates another member of it (who can then no longer act in it) or reactivates them.</summary>
public sealed class SetMemberActiveHandler(PlatformDbContext db, AccessRevocation access, IMultiTenantContextAccessor tenants)
{
    public Task<CommandResult> HandleAsync(Guid membershipId, bool active, Guid actingUserId, CancellationToken cancellationToken = default) =>
        new MembershipChange(db, access, tenants).ApplyAsync(membershipId, actingUserId, m => m.IsActive = active, cancellationToken);
}
