using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>Disconnects a LINE account or webhook of the owner; its outbox rows go with it (nothing left to send there).</summary>
public sealed class DeleteAlertConnectionHandler(PlatformDbContext db, AuditLog audit)
{
    public async Task<CommandResult> HandleAsync(AlertConnectionOwner owner, Guid id, CancellationToken cancellationToken = default)
    {
        var connection = await owner.Of(db.AlertConnections).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (connection is null)
        {
            return new CommandResult.NotFound();
        }

        db.AlertConnections.Remove(connection);
        await audit.RecordAsync("alerts.connection.deleted", owner.OrganisationId, nameof(AlertConnection), connection.Id.ToString(),
            $"{(connection.Channel == AlertChannel.Line ? "LINE" : "Webhook")}{owner.AuditScope}", cancellationToken: cancellationToken);
        return new CommandResult.Success(connection.Id, Guid.Empty);
    }
}
