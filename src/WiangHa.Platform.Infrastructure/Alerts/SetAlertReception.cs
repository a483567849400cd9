using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>The current LAO's admin chooses how one of its members receives the LAO's deadline alerts.</summary>
public sealed class SetAlertReceptionHandler(PlatformDbContext db, IMultiTenantContextAccessor tenants, AuditLog audit)
{
    public const string Field = "Reception";

    public async Task<CommandResult> HandleAsync(Guid membershipId, AlertReception reception, CancellationToken cancellationToken = default)
    {
        var tenantId = tenants.CurrentTenantId();
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.OrganisationId == tenantId && m.IsActive, cancellationToken);
        if (membership is null)
        {
            return new CommandResult.NotFound();
        }

        if (!Enum.IsDefined(reception))
        {
            return CommandResult.InvalidField(Field, "ช่องทางรับการแจ้งเตือนไม่ถูกต้อง");
        }

        membership.AlertReception = reception;
        await audit.RecordAsync("alerts.reception.changed", tenantId, nameof(Membership), membership.Id.ToString(), reception.ToString(), cancellationToken: cancellationToken);
        return new CommandResult.Success(membership.Id, Guid.Empty);
    }
}
