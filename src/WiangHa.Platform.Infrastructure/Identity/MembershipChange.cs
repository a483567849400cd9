using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// What changing a member's role and (de)activating them share: only a membership of the current LAO, never the
/// acting admin's own, and the end of the member's current sessions and tokens.
/// </summary>
/// <remarks>Internal and made by its handlers (not by DI), so it cannot be used as a use case of its own.</remarks>
internal sealed class MembershipChange(PlatformDbContext db, AccessRevocation access, IMultiTenantContextAccessor tenants)
{
    public const string Field = "Role";

    public async Task<CommandResult> ApplyAsync(Guid membershipId, Guid actingUserId, Action<Membership> change, CancellationToken cancellationToken)
    {
        var tenantId = tenants.CurrentTenantId();
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.OrganisationId == tenantId, cancellationToken);
        if (membership is null)
        {
            return new CommandResult.NotFound();
        }

        if (membership.UserId == actingUserId)
        {
            return CommandResult.InvalidField(Field, "ไม่สามารถเปลี่ยนบทบาทหรือปิดการใช้งานบัญชีของตนเองได้ ให้ผู้ดูแลอีกท่านดำเนินการ");
        }

        change(membership);
        await db.SaveChangesAsync(cancellationToken);
        // The member's cookies and tokens carry the old membership: they end on the member's next request.
        await access.EndAsync(membership.UserId, cancellationToken);
        return new CommandResult.Success(membership.Id, Guid.Empty);
    }
}
