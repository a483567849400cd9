using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>What importing a file and drafting from another year share: a new draft version of a year's manual.</summary>
public static class ItaManualDrafts
{
    /// <summary>Adds (not saves) draft version n+1 of the catalogue's year, creating the year's manual when needed.</summary>
    public static async Task<ItaManualVersion> AddAsync(
        PlatformDbContext db, ItaCatalogue catalogue, string? fileName, string createdBy, DateTimeOffset now, string? note, CancellationToken cancellationToken)
    {
        var manual = await db.ItaManuals.Include(m => m.Versions).SingleOrDefaultAsync(m => m.Year == catalogue.Year, cancellationToken);
        if (manual is null)
        {
            manual = new ItaManual { Year = catalogue.Year };
            db.ItaManuals.Add(manual);
        }

        var version = new ItaManualVersion
        {
            ManualId = manual.Id,
            Year = catalogue.Year,
            Number = manual.Versions.Select(v => v.Number).DefaultIfEmpty(0).Max() + 1,
            Status = ItaManualVersionStatus.Draft,
            Document = "",
            ContentHash = "",
            SourceFileName = fileName,
            Note = note,
            CreatedAt = now,
            CreatedBy = createdBy,
        };
        SetDocument(version, catalogue);
        // Added explicitly: a client-generated key reached through a navigation would be taken for an existing row.
        db.ItaManualVersions.Add(version);
        return version;
    }

    /// <summary>Stores the catalogue as the version's document (a draft's only; published versions never change).</summary>
    public static void SetDocument(ItaManualVersion version, ItaCatalogue catalogue)
    {
        version.Document = ItaCatalogueFormats.ToJson(catalogue);
        version.ContentHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(version.Document)));
        version.ItemCount = catalogue.AllItems().Count();
    }
}
