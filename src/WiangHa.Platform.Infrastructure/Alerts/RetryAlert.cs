using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// An operator retries one failed alert: it goes back to pending, due now, with all its attempts again (its last
/// error stays until an attempt succeeds). Only a row still failed is taken back.
/// </summary>
public sealed class RetryAlertHandler(PlatformDbContext db, CrossTenantAlertRetries retries, AuditLog audit, TimeProvider clock)
{
    public const string NotFailedMessage = "รายการนี้ไม่ได้อยู่ในสถานะส่งไม่สำเร็จแล้ว (อาจมีผู้อื่นสั่งส่งใหม่ไปก่อน)";

    public async Task<CommandResult> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!await db.AlertMessages.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return new CommandResult.NotFound();
        }

        if (await retries.RetryAsync([id], clock.GetUtcNow(), cancellationToken) == 0)
        {
            return new CommandResult.Conflict(NotFailedMessage, Guid.Empty);
        }

        await audit.RecordAsync(AuditActions.AlertRetried, subjectType: "AlertMessage", subjectId: id.ToString(), cancellationToken: cancellationToken);
        return new CommandResult.Success(id, Guid.Empty);
    }
}
