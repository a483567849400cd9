using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Infrastructure.Measures;

/// <summary>Deletes a measure of the current tenant (with its evidence links) if nobody saved it since it was read.</summary>
public sealed class DeleteMeasureHandler(MeasureWriter writer)
{
    public async Task<CommandResult> HandleAsync(Guid id, ExpectedVersion expectedVersion, CancellationToken cancellationToken = default)
    {
        var db = writer.Db;
        var measure = await db.Measures.Include(m => m.EvidenceLinks).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (measure is null)
        {
            return new CommandResult.NotFound();
        }

        if (CommandResult.CheckVersion(measure.Version, expectedVersion, MeasureWriter.VersionRequiredMessage,
                "มีผู้อื่นแก้ไขมาตรการนี้หลังจากที่ท่านเปิดดู ระบบจึงยังไม่ลบ กรุณาตรวจสอบข้อมูลล่าสุดอีกครั้ง") is { } refused)
        {
            return refused;
        }

        db.Measures.Remove(measure);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult.NotFound();
        }

        return new CommandResult.Success(id, measure.Version);
    }
}
