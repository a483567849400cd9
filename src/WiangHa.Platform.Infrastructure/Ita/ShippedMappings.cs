using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>The shipped file <c>Ita/Mappings/item-mappings.json</c>: item mappings between years, and years to draft.</summary>
public sealed record ShippedMappingFile(List<ShippedDraft> Drafts, List<ShippedMapping> Mappings);

public sealed record ShippedDraft(int FromYear, int ToYear, string? Note);

public sealed record ShippedMapping(int FromYear, List<string> From, int ToYear, string? To, ItaMappingKind Kind, bool Confirmed, string? Note);

/// <summary>
/// Loads the shipped mappings after the shipped catalogues: each pair of years is loaded whole, once (a pair that
/// already has rows belongs to the operators). A row naming an item a catalogue lacks is stored anyway and listed to
/// operators (<see cref="ItaMappingQueries.ProblemsAsync"/>). Then each shipped draft year without any manual is
/// drafted from its source year through the operators' own use case, so it follows whatever that year contains.
/// </summary>
public sealed class ShippedMappings(PlatformDbContext db, DraftItaManualFromYearHandler draft, TimeProvider clock, ILogger<ShippedMappings> logger)
{
    public const string SystemUser = "system (shipped mapping)";

    public static ShippedMappingFile Read()
    {
        var assembly = typeof(ShippedMappings).Assembly;
        using var stream = assembly.GetManifestResourceStream($"{assembly.GetName().Name}.Ita.Mappings.item-mappings.json")
            ?? throw new InvalidOperationException("The shipped item mappings are missing.");
        return JsonSerializer.Deserialize<ShippedMappingFile>(stream, ItaCatalogueFormats.JsonOptions)
            ?? throw new InvalidOperationException("The shipped item mappings are empty.");
    }

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var file = Read();
        var pairs = (await db.ItaItemMappings.Select(m => new { m.FromYear, m.ToYear }).Distinct().ToListAsync(cancellationToken))
            .Select(p => (p.FromYear, p.ToYear)).ToHashSet();
        foreach (var pair in file.Mappings.GroupBy(m => (m.FromYear, m.ToYear)).Where(g => !pairs.Contains(g.Key)))
        {
            db.ItaItemMappings.AddRange(pair.Select(m => new ItaItemMapping
            {
                FromYear = m.FromYear, FromCodes = [.. m.From ?? []], ToYear = m.ToYear, ToCode = m.To, Kind = m.Kind, Confirmed = m.Confirmed,
                Note = m.Note, UpdatedAt = clock.GetUtcNow(), UpdatedBy = SystemUser,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);

        foreach (var shipped in file.Drafts)
        {
            if (await db.ItaManualVersions.AnyAsync(v => v.Year == shipped.ToYear, cancellationToken))
            {
                continue;
            }

            var result = await draft.HandleAsync(new DraftManualInput(shipped.FromYear, shipped.ToYear, shipped.Note), SystemUser, cancellationToken);
            if (result is ItaManualDrafted drafted)
            {
                logger.LogInformation("ITA manual {Year} drafted from {From} ({Items} items)", drafted.Year, shipped.FromYear, drafted.Items);
            }
            else
            {
                var errors = result is CommandResult.Invalid invalid ? invalid.Errors.SelectMany(e => e.Value) : [];
                logger.LogWarning("ITA manual {Year} not drafted from {From}: {Errors}", shipped.ToYear, shipped.FromYear, string.Join("; ", errors));
            }
        }
    }
}
