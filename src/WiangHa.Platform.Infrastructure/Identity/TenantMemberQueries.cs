using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Identity;

public sealed record MemberView(Guid MembershipId, Guid UserId, string Email, string DisplayName, TenantRole Role, bool IsActive, bool TwoFactorEnabled);

public sealed record PendingInvitationView(Guid Id, string Email, TenantRole? Role, DateTimeOffset ExpiresAt);

/// <summary>
/// The current LAO's people, for its admin. Memberships are the second tenancy tier (read before a tenant is chosen):
/// the Organisation filter confines them to the tenant, and every query here names it as well; isolation tests cover
/// each method.
/// </summary>
public sealed class TenantMemberQueries(PlatformDbContext db, IMultiTenantContextAccessor tenants, TimeProvider clock)
{
    public async Task<IReadOnlyList<MemberView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenants.CurrentTenantId();
        return await (from m in db.Memberships
                      join u in db.Users on m.UserId equals u.Id
                      where m.OrganisationId == tenantId
                      orderby u.DisplayName
                      select new MemberView(m.Id, u.Id, u.Email!, u.DisplayName, m.Role, m.IsActive, u.TwoFactorEnabled))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PendingInvitationView>> PendingInvitationsAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = tenants.CurrentTenantId();
        var now = clock.GetUtcNow();
        var pending = await db.Invitations.Where(i => i.OrganisationId == tenantId && i.AcceptedAt == null).ToListAsync(cancellationToken);
        return pending.Where(i => i.ExpiresAt > now).OrderBy(i => i.Email).Select(i => new PendingInvitationView(i.Id, i.Email, i.TenantRole, i.ExpiresAt)).ToList();
    }
}
