using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>
/// Loads the catalogues shipped in <c>Ita/Catalogues/ita-{year}.json</c> through the operators' own import and publish
/// path. A year that already has any version is left alone: operators own it from then on. The item mappings between
/// years and the drafted years follow (<see cref="ShippedMappings"/>).
/// </summary>
public sealed class ShippedCatalogues(
    PlatformDbContext db, ImportItaCatalogueHandler import, PublishItaManualVersionHandler publish, ShippedMappings mappings, ILogger<ShippedCatalogues> logger)
{
    public const string SystemUser = "system (shipped catalogue)";

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var assembly = typeof(ShippedCatalogues).Assembly;
        var prefix = $"{assembly.GetName().Name}.Ita.Catalogues.";
        var years = await db.ItaManualVersions.Select(v => v.Year).Distinct().ToListAsync(cancellationToken);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order())
        {
            var fileName = name[prefix.Length..];
            if (int.TryParse(fileName.AsSpan(4, 4), out var year) && years.Contains(year))
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
            logger.LogInformation("ITA catalogue {Year} loaded from {File}", imported.Year, fileName);
        }

        await mappings.LoadAsync(cancellationToken);
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
