using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>The current LAO's admin gives another member of it a new role.</summary>
public sealed class ChangeMemberRoleHandler(PlatformDbContext db, AccessRevocation access, IMultiTenantContextAccessor tenants)
{
    public async Task<CommandResult> HandleAsync(Guid membershipId, TenantRole role, Guid actingUserId, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
        {
            return CommandResult.InvalidField(MembershipChange.Field, "บทบาทไม่ถูกต้อง");
        }

        return await new MembershipChange(db, access, tenants).ApplyAsync(membershipId, actingUserId, m => m.Role = role, cancellationToken);
    }
}
