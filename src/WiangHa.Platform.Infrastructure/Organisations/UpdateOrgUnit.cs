using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Infrastructure.Organisations;

/// <summary>Renames, reorders or retires a ส่วนราชการ of the current tenant if nobody saved it since it was read.</summary>
public sealed class UpdateOrgUnitHandler(OrgUnitWriter writer)
{
    public async Task<CommandResult> HandleAsync(Guid id, OrgUnitInput input, ExpectedVersion expectedVersion, CancellationToken cancellationToken = default)
    {
        var db = writer.Db;
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return new CommandResult.NotFound();
        }

        var loadedVersion = unit.Version;
        if (CommandResult.CheckVersion(unit.Version, expectedVersion, OrgUnitWriter.VersionRequiredMessage, OrgUnitWriter.ConflictMessage) is { } refused)
        {
            return refused;
        }

        if (await writer.ValidateAsync(input, id, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        unit.Name = input.Name!.Trim();
        unit.SortOrder = input.SortOrder ?? unit.SortOrder;
        unit.IsActive = input.IsActive;
        db.Entry(unit).Property(u => u.Version).OriginalValue = expectedVersion.OriginalFor(loadedVersion);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult.Conflict(OrgUnitWriter.ConflictMessage, expectedVersion.OriginalFor(loadedVersion));
        }

        return new CommandResult.Success(unit.Id, unit.Version);
    }
}
