using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>
/// One disclosure proposed for the new year: the old item(s) it comes from (several when the manual merged them),
/// the new item, and what would be copied. <see cref="AlreadyAnswered"/> rows are shown but never copied over.
/// </summary>
public sealed record DisclosureProposal(
    string ToCode, string ToTitle, IReadOnlyList<string> FromCodes, DisclosureAnswer Answer, IReadOnlyList<string> Urls, string? Explanation,
    bool Confirmed, bool AlreadyAnswered);

/// <summary>An item that cannot carry: an old one no mapping leads on from, or a new one nothing leads into.</summary>
public sealed record ItemToAnswer(int Year, string Code, string Title);

/// <summary>The clerk's carry-over proposal from one assessment year to the next; nothing is stored until confirmed.</summary>
public sealed record DisclosureCarryProposal(
    int FromYear, int ToYear, IReadOnlyList<int> SourceYears, IReadOnlyList<DisclosureProposal> Proposals,
    IReadOnlyList<ItemToAnswer> NotCarried, IReadOnlyList<ItemToAnswer> NewItems);

/// <summary>Builds the current tenant's proposal: its own disclosures only (the tenant filter), through the item mapping.</summary>
public sealed class DisclosureCarryOverQueries(PlatformDbContext db, ItaCatalogueQueries catalogues, ItaMappingQueries mappings)
{
    /// <summary>Null when <paramref name="toYear"/> has no published manual. Without a source year: the newest earlier year answered.</summary>
    public async Task<DisclosureCarryProposal?> ProposeAsync(int? fromYear, int toYear, CancellationToken cancellationToken = default)
    {
        if (await catalogues.PublishedAsync(toYear, cancellationToken) is not { } target)
        {
            return null;
        }

        var sourceYears = await db.ItemDisclosures.Where(d => d.AssessmentYear < toYear).Select(d => d.AssessmentYear).Distinct()
            .OrderByDescending(y => y).ToListAsync(cancellationToken);
        var from = fromYear is { } y && sourceYears.Contains(y) ? y : sourceYears.FirstOrDefault();
        var existing = (await db.ItemDisclosures.AsNoTracking().Where(d => d.AssessmentYear == toYear).Select(d => d.ItemCode).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var newItems = target.Catalogue.AllItems().Where(i => !existing.Contains(i.Code)).ToList();
        if (from == 0)
        {
            return new DisclosureCarryProposal(0, toYear, sourceYears, [], [], newItems.Select(i => new ItemToAnswer(toYear, i.Code, i.Title)).ToList());
        }

        var sources = await db.ItemDisclosures.AsNoTracking().Where(d => d.AssessmentYear == from).OrderBy(d => d.ItemCode).ToListAsync(cancellationToken);
        var oldCatalogue = (await catalogues.CurrentOrDraftAsync(from, cancellationToken))?.Catalogue;
        var rows = await mappings.AllAsync(cancellationToken);
        var landed = new List<(ItemDisclosure Source, ItaItem To, bool Confirmed)>();
        var notCarried = new List<ItemToAnswer>();
        foreach (var source in sources)
        {
            var targets = ItaMappingChain.Translate(rows, from, source.ItemCode, toYear)
                .Select(t => (Item: target.Catalogue.FindItem(t.Code), t.Confirmed)).Where(t => t.Item is not null).ToList();
            if (targets.Count == 0)
            {
                notCarried.Add(new ItemToAnswer(from, source.ItemCode, oldCatalogue?.FindItem(source.ItemCode)?.Title ?? ""));
            }

            landed.AddRange(targets.Select(t => (source, t.Item!, t.Confirmed)));
        }

        var proposals = landed.GroupBy(l => l.To.Code, StringComparer.OrdinalIgnoreCase).Select(g =>
        {
            var parts = g.Select(l => l.Source).ToList();
            return new DisclosureProposal(
                g.First().To.Code, g.First().To.Title, parts.Select(p => p.ItemCode).ToList(),
                parts.Any(p => p.Answer == DisclosureAnswer.Yes) ? DisclosureAnswer.Yes : parts[0].Answer,
                parts.SelectMany(p => p.Urls).Distinct(StringComparer.Ordinal).Take(DisclosureInput.MaxUrls).ToList(),
                Join(parts.Select(p => p.Explanation)),
                g.All(l => l.Confirmed),
                existing.Contains(g.Key));
        }).OrderBy(p => Order(target.Catalogue, p.ToCode)).ToList();

        var reached = proposals.Select(p => p.ToCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new DisclosureCarryProposal(from, toYear, sourceYears, proposals, notCarried,
            newItems.Where(i => !reached.Contains(i.Code)).Select(i => new ItemToAnswer(toYear, i.Code, i.Title)).ToList());
    }

    private static string? Join(IEnumerable<string?> texts)
    {
        var joined = string.Join("\n", texts.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct());
        return joined.Length == 0 ? null : joined[..Math.Min(joined.Length, DisclosureInput.MaxExplanationLength)];
    }

    private static int Order(ItaCatalogue catalogue, string code) => catalogue.AllItems().Select((item, index) => (item, index))
        .First(x => string.Equals(x.item.Code, code, StringComparison.OrdinalIgnoreCase)).index;
}
