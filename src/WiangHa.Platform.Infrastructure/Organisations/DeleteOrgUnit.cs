using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Organisations;

/// <summary>Deletes a ส่วนราชการ of the current tenant that no measure names and nobody changed since it was read.</summary>
public sealed class DeleteOrgUnitHandler(PlatformDbContext db)
{
    public async Task<CommandResult> HandleAsync(Guid id, ExpectedVersion expectedVersion, CancellationToken cancellationToken = default)
    {
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return new CommandResult.NotFound();
        }

        if (CommandResult.CheckVersion(unit.Version, expectedVersion, OrgUnitWriter.VersionRequiredMessage, OrgUnitWriter.ConflictMessage) is { } refused)
        {
            return refused;
        }

        var inUse = await db.Measures.AnyAsync(m => m.ResponsibleUnits.Any(u => u.Id == id), cancellationToken);
        if (inUse)
        {
            return CommandResult.InvalidField(nameof(OrgUnitInput.Name),
                "หน่วยงานนี้เป็นผู้รับผิดชอบมาตรการอยู่ จึงลบไม่ได้ ให้ปิดการใช้งานแทน (มาตรการเดิมยังแสดงชื่อหน่วยงานนี้)");
        }

        db.OrgUnits.Remove(unit);
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(id, unit.Version);
    }
}
