using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>The outcome of an import: the new draft version, or every reason the file was refused.</summary>
public sealed record CatalogueImportResult(Guid? VersionId, int? Year, int? Number, IReadOnlyList<string> Errors)
{
    public bool Succeeded => VersionId is not null;
}

/// <summary>
/// Imports a year's ITA catalogue from a file as a new <em>draft</em> version: parse, validate, store in one
/// SaveChanges (nothing half-imported). The shipped catalogues come through here too.
/// </summary>
public sealed class ImportItaCatalogue(PlatformDbContext db, TimeProvider clock)
{
    public async Task<CatalogueImportResult> HandleAsync(Stream content, string fileName, string importedBy, CancellationToken cancellationToken = default)
    {
        if (ItaCatalogueFormats.FormatOf(fileName) is not { } format)
        {
            return new CatalogueImportResult(null, null, null, ["รองรับเฉพาะไฟล์ .json หรือ .xlsx"]);
        }

        var parsed = ItaCatalogueFormats.Parse(content, format);
        if (parsed.Catalogue is not { } catalogue)
        {
            return new CatalogueImportResult(null, null, null, parsed.Errors);
        }

        var errors = ItaCatalogueValidator.Validate(catalogue);
        if (errors.Count > 0)
        {
            return new CatalogueImportResult(null, catalogue.Year, null, errors);
        }

        var document = ItaCatalogueFormats.ToJson(catalogue);
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
            Document = document,
            ContentHash = Hash(document),
            ItemCount = catalogue.AllItems().Count(),
            SourceFileName = Path.GetFileName(fileName),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = importedBy,
        };
        // Added explicitly: a client-generated key reached through a navigation would be taken for an existing row.
        db.ItaManualVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogueImportResult(version.Id, version.Year, version.Number, []);
    }

    public static string Hash(string document) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}

/// <summary>Publishes a draft version: from then on it is the version checks of that year use. Nothing is rewritten.</summary>
public sealed class PublishItaManualVersion(PlatformDbContext db, TimeProvider clock, ItaCatalogueCache cache)
{
    public async Task<bool> HandleAsync(Guid versionId, string publishedBy, CancellationToken cancellationToken = default)
    {
        var version = await db.ItaManualVersions.SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null || version.Status != ItaManualVersionStatus.Draft)
        {
            return false;
        }

        version.Status = ItaManualVersionStatus.Published;
        version.PublishedAt = clock.GetUtcNow();
        version.PublishedBy = publishedBy;
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget();
        return true;
    }
}
