using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>
/// Loads the catalogues shipped in <c>Ita/Catalogues/ita-{year}.json</c> through the operators' own import and publish
/// path. A year without versions gets the file as version 1. A year whose newest version is still the shipped one gets
/// an updated file as a new published version (a release that corrects a catalogue reaches existing databases; results
/// keep the version they used). Once an operator has imported a version of a year, the year is theirs: an updated
/// file is left out, and the log says so.
/// The item mappings between years and the drafted years follow (<see cref="ShippedMappings"/>).
/// </summary>
public sealed class ShippedCatalogues(
    PlatformDbContext db, ImportItaCatalogueHandler import, PublishItaManualVersionHandler publish, ShippedMappings mappings, ILogger<ShippedCatalogues> logger)
{
    public const string SystemUser = "system (shipped catalogue)";

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var assembly = typeof(ShippedCatalogues).Assembly;
        var prefix = $"{assembly.GetName().Name}.Ita.Catalogues.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order())
        {
            var fileName = name[prefix.Length..];
            if (!int.TryParse(fileName.AsSpan(4, 4), out var year) || !await NeedsLoadingAsync(year, fileName, cancellationToken))
            {
                continue;
            }

            await using var stream = assembly.GetManifestResourceStream(name)!;
            var result = await import.HandleAsync(stream, fileName, SystemUser, cancellationToken);
            if (result is not ItaCatalogueImported imported)
            {
                var errors = result is CommandResult.Invalid invalid ? invalid.Errors.SelectMany(e => e.Value) : [];
                throw new InvalidOperationException($"Shipped catalogue {fileName} is invalid: {string.Join("; ", errors)}");
            }

            await publish.HandleAsync(imported.VersionId, SystemUser, cancellationToken);
            logger.LogInformation("ITA catalogue {Year} loaded from {File} as version {Number}", imported.Year, fileName, imported.Number);
        }

        await mappings.LoadAsync(cancellationToken);
    }

    /// <summary>
    /// True when the year has no version, or its newest version is a shipped one whose content differs from the file
    /// (compared as catalogues written by today's code, so a new optional field alone makes no new version).
    /// </summary>
    private async Task<bool> NeedsLoadingAsync(int year, string fileName, CancellationToken cancellationToken)
    {
        var latest = await db.ItaManualVersions.AsNoTracking().Where(v => v.Year == year)
            .OrderByDescending(v => v.Number).Select(v => new { v.Number, v.CreatedBy, v.Document }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return true;
        }

        if (latest.CreatedBy != SystemUser)
        {
            logger.LogInformation("ITA catalogue {Year}: version {Number} was imported by an operator; the shipped {File} is left out", year, latest.Number, fileName);
            return false;
        }

        var shipped = ItaCatalogueFormats.ToJson(Read(year));
        return !string.Equals(ItaCatalogueFormats.ToJson(ItaCatalogueFormats.FromStoredJson(latest.Document)), shipped, StringComparison.Ordinal);
    }

    /// <summary>The shipped catalogue of a year (tests and benchmarks).</summary>
    public static ItaCatalogue Read(int year)
    {
        var assembly = typeof(ShippedCatalogues).Assembly;
        using var stream = assembly.GetManifestResourceStream($"{assembly.GetName().Name}.Ita.Catalogues.ita-{year}.json")
            ?? throw new InvalidOperationException($"No shipped catalogue for {year}.");
        return ItaCatalogueFormats.ParseJson(stream).Catalogue!;
    }
}
