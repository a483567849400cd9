using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>Which item of which draft to remove, at the draft's content hash the operator saw.</summary>
public sealed record RemoveDraftItemInput(Guid VersionId, string? ExpectedHash, string Code);

/// <summary>
/// Removes an item from a draft manual: the old items that led into it are recorded as dropped, so the clerks'
/// work on them is listed as "ต้องตอบใหม่" rather than carried. Published versions never change.
/// </summary>
public sealed class RemoveItaDraftItemHandler(PlatformDbContext db, ItaMappingQueries mappings, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(RemoveDraftItemInput input, string editedBy, CancellationToken cancellationToken = default)
    {
        var version = await db.ItaManualVersions.SingleOrDefaultAsync(v => v.Id == input.VersionId, cancellationToken);
        if (version is null || version.Status != ItaManualVersionStatus.Draft)
        {
            return new CommandResult.NotFound();
        }

        if (input.ExpectedHash is not null && input.ExpectedHash != version.ContentHash)
        {
            return new CommandResult.Conflict(SaveItaDraftItemHandler.ConflictMessage, Guid.Empty);
        }

        var catalogue = ItaCatalogueFormats.FromStoredJson(version.Document);
        if (catalogue.FindItem(input.Code) is not { } item)
        {
            return new CommandResult.NotFound();
        }

        catalogue.SubIndicatorOf(item.Code)!.Items.Remove(item);
        ItaManualDrafts.SetDocument(version, catalogue);

        var now = clock.GetUtcNow();
        var fromYear = await mappings.PreviousYearAsync(version.Year, cancellationToken);
        var rows = await db.ItaItemMappings.Where(m => m.ToYear == version.Year && m.ToCode == item.Code).ToListAsync(cancellationToken);
        db.ItaItemMappings.RemoveRange(rows);
        foreach (var old in rows.Where(r => r.FromYear == fromYear).SelectMany(r => r.FromCodes).Distinct())
        {
            db.ItaItemMappings.Add(new ItaItemMapping
            {
                FromYear = fromYear!.Value, FromCodes = [old], ToYear = version.Year, ToCode = null, Kind = ItaMappingKind.Dropped, Confirmed = false,
                Note = $"ลบข้อ {item.Code} ออกจากร่าง", UpdatedAt = now, UpdatedBy = editedBy,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ItaDraftItemSaved(version.Id, item.Code, version.ContentHash);
    }
}
