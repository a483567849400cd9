using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>Removes one of the current tenant's disclosures if nobody saved it since it was read (another tenant's id is not found).</summary>
public sealed class DeleteItemDisclosureHandler(PlatformDbContext db)
{
    public async Task<CommandResult> HandleAsync(Guid id, ExpectedVersion expectedVersion, CancellationToken cancellationToken = default)
    {
        var row = await db.ItemDisclosures.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return new CommandResult.NotFound();
        }

        if (CommandResult.CheckVersion(row.Version, expectedVersion, UpdateItemDisclosureHandler.VersionRequiredMessage,
                "มีผู้อื่นแก้ไขแบบเปิดเผยข้อมูลนี้หลังจากที่ท่านเปิดดู ระบบจึงยังไม่ลบ กรุณาตรวจสอบข้อมูลล่าสุดอีกครั้ง") is { } refused)
        {
            return refused;
        }

        db.ItemDisclosures.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(row.Id, row.Version);
    }
}
