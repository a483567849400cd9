using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Identity;

public sealed record MemberView(Guid MembershipId, Guid UserId, string Email, string DisplayName, TenantRole Role, bool IsActive, bool TwoFactorEnabled);

public sealed record PendingInvitationView(Guid Id, string Email, TenantRole? Role, DateTimeOffset ExpiresAt);

/// <summary>
/// The current LAO's people, for its admin. Memberships are registry rows (read before a tenant is chosen), so every
/// query here names the current tenant explicitly; isolation tests cover each method.
/// </summary>
public sealed class TenantMembers(PlatformDbContext db, UserManager<PlatformUser> users, IMultiTenantContextAccessor tenants, TimeProvider clock)
{
    private Guid TenantId => tenants.MultiTenantContext.TenantInfo?.Id ?? throw new InvalidOperationException("No tenant in effect.");

    public async Task<IReadOnlyList<MemberView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId;
        return await (from m in db.Memberships
                      join u in db.Users on m.UserId equals u.Id
                      where m.OrganisationId == tenantId
                      orderby u.DisplayName
                      select new MemberView(m.Id, u.Id, u.Email!, u.DisplayName, m.Role, m.IsActive, u.TwoFactorEnabled))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PendingInvitationView>> PendingInvitationsAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId;
        var now = clock.GetUtcNow();
        var pending = await db.Invitations.Where(i => i.OrganisationId == tenantId && i.AcceptedAt == null).ToListAsync(cancellationToken);
        return pending.Where(i => i.ExpiresAt > now).OrderBy(i => i.Email).Select(i => new PendingInvitationView(i.Id, i.Email, i.TenantRole, i.ExpiresAt)).ToList();
    }

    public async Task<CommandResult> ChangeRoleAsync(Guid membershipId, TenantRole role, Guid actingUserId, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(role))
        {
            return CommandResult.InvalidField("Role", "บทบาทไม่ถูกต้อง");
        }

        return await ChangeAsync(membershipId, actingUserId, m => m.Role = role, cancellationToken);
    }

    public Task<CommandResult> SetActiveAsync(Guid membershipId, bool active, Guid actingUserId, CancellationToken cancellationToken = default) =>
        ChangeAsync(membershipId, actingUserId, m => m.IsActive = active, cancellationToken);

    private async Task<CommandResult> ChangeAsync(Guid membershipId, Guid actingUserId, Action<Membership> change, CancellationToken cancellationToken)
    {
        var tenantId = TenantId;
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.OrganisationId == tenantId, cancellationToken);
        if (membership is null)
        {
            return new CommandResult.NotFound();
        }

        if (membership.UserId == actingUserId)
        {
            return CommandResult.InvalidField("Role", "ไม่สามารถเปลี่ยนบทบาทหรือปิดการใช้งานบัญชีของตนเองได้ ให้ผู้ดูแลอีกท่านดำเนินการ");
        }

        change(membership);
        await db.SaveChangesAsync(cancellationToken);
        // The member's cookies and tokens carry memberships: a new stamp makes them re-read within a minute.
        var user = await users.FindByIdAsync(membership.UserId.ToString());
        await users.UpdateSecurityStampAsync(user!);
        return new CommandResult.Success(membership.Id, Guid.Empty);
    }
}
