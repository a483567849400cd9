using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>The new answer of a disclosure addressed by its id; year and item are the row's own.</summary>
public sealed record DisclosureChange(DisclosureAnswer Answer, IReadOnlyList<string>? Urls, string? Explanation);

/// <summary>Edits one of the current tenant's disclosures by id if nobody saved it since it was read (ADR 0008).</summary>
public sealed class UpdateItemDisclosureHandler(DisclosureWriter writer)
{
    public const string VersionRequiredMessage = "การแก้ไขหรือลบต้องส่งส่วนหัว If-Match เป็น ETag ที่ได้จากการอ่านแบบเปิดเผยข้อมูล เพื่อไม่ให้ทับการแก้ไขของผู้อื่น";

    public async Task<CommandResult> HandleAsync(Guid id, DisclosureChange change, ExpectedVersion expectedVersion, CancellationToken cancellationToken = default)
    {
        // The id decides the row (and so the tenant, through the filter); year and item come from it, not the caller.
        var row = await writer.Db.ItemDisclosures.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (row is null)
        {
            return new CommandResult.NotFound();
        }

        if (CommandResult.CheckVersion(row.Version, expectedVersion, VersionRequiredMessage, DisclosureWriter.ConflictMessage) is { } refused)
        {
            return refused;
        }

        var input = new DisclosureInput(row.AssessmentYear, row.ItemCode, change.Answer, change.Urls ?? [], change.Explanation);
        return await writer.SaveAsync(input, row, expectedVersion, cancellationToken);
    }
}
