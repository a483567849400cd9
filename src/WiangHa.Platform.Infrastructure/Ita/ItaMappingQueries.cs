using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>One line of "what changes" between a manual and the one before it.</summary>
/// <param name="Change">added, removed, renumbered, merged, split, changed.</param>
public sealed record ItaItemChange(string Change, string? OldCodes, string? NewCode, string Title);

/// <summary>The item mappings between years, what they cannot resolve, and what a version changes.</summary>
public sealed class ItaMappingQueries(PlatformDbContext db, ItaCatalogueQueries catalogues)
{
    public async Task<IReadOnlyList<ItaItemMapping>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.ItaItemMappings.AsNoTracking().OrderBy(m => m.FromYear).ThenBy(m => m.ToYear).ThenBy(m => m.ToCode).ToListAsync(cancellationToken);

    /// <summary>The rows that lead into a year's items (from any earlier year).</summary>
    public async Task<IReadOnlyList<ItaItemMapping>> IntoYearAsync(int year, CancellationToken cancellationToken = default) =>
        await db.ItaItemMappings.AsNoTracking().Where(m => m.ToYear == year).OrderBy(m => m.FromYear).ToListAsync(cancellationToken);

    /// <summary>The newest year before <paramref name="year"/> that has a manual (published or draft), or null.</summary>
    public async Task<int?> PreviousYearAsync(int year, CancellationToken cancellationToken = default) =>
        await db.ItaManualVersions.Where(v => v.Year < year).MaxAsync(v => (int?)v.Year, cancellationToken);

    /// <summary>
    /// Rows naming an item that the year's manual (published, else draft) lacks: shown to operators, never an error,
    /// since a catalogue may be completed after its mapping is written.
    /// </summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(int? year = null, CancellationToken cancellationToken = default)
    {
        var rows = (await AllAsync(cancellationToken)).Where(m => year is null || m.ToYear == year || m.FromYear == year).ToList();
        var known = new Dictionary<int, ItaCatalogue?>();
        async Task<bool> HasAsync(int y, string code)
        {
            if (!known.TryGetValue(y, out var catalogue))
            {
                catalogue = known[y] = (await catalogues.CurrentOrDraftAsync(y, cancellationToken))?.Catalogue;
            }

            return catalogue?.FindItem(code) is not null;
        }

        var problems = new List<string>();
        foreach (var row in rows)
        {
            foreach (var code in row.FromCodes)
            {
                if (!await HasAsync(row.FromYear, code))
                {
                    problems.Add($"การจับคู่ {Describe(row)}: ไม่มีข้อ {code} ในคู่มือปี {row.FromYear}");
                }
            }

            if (row.ToCode is { } to && !await HasAsync(row.ToYear, to))
            {
                problems.Add($"การจับคู่ {Describe(row)}: ไม่มีข้อ {to} ในคู่มือปี {row.ToYear}");
            }
        }

        return problems;
    }

    public static string Describe(ItaItemMapping row) =>
        $"{row.FromYear} {(row.FromCodes.Count == 0 ? "—" : string.Join("+", row.FromCodes))} → {row.ToYear} {row.ToCode ?? "—"}";

    /// <summary>
    /// What publishing <paramref name="version"/> changes: against the year's published version when there is one
    /// (items added, removed, changed), else against the year before through the mapping (renumbered, merged, split,
    /// added, removed).
    /// </summary>
    public async Task<(string Against, IReadOnlyList<ItaItemChange> Changes)> ChangesAsync(ManualVersionView version, CancellationToken cancellationToken = default)
    {
        if (await catalogues.PublishedAsync(version.Year, cancellationToken) is { } current && current.Id != version.Id)
        {
            return ($"ฉบับที่ {current.Number} ของปี {current.Year} ที่ใช้อยู่", SameYear(current.Catalogue, version.Catalogue));
        }

        if (await PreviousYearAsync(version.Year, cancellationToken) is not { } previousYear
            || await catalogues.CurrentOrDraftAsync(previousYear, cancellationToken) is not { } previous)
        {
            return ("", version.Catalogue.AllItems().Select(i => new ItaItemChange("added", null, i.Code, i.Title)).ToList());
        }

        var rows = (await IntoYearAsync(version.Year, cancellationToken)).Where(m => m.FromYear == previousYear).ToList();
        var changes = new List<ItaItemChange>();
        foreach (var item in version.Catalogue.AllItems())
        {
            var into = rows.Where(r => string.Equals(r.ToCode, item.Code, StringComparison.OrdinalIgnoreCase) && r.Carries).ToList();
            var from = into.SelectMany(r => r.FromCodes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var change = into.Count == 0 ? "added"
                : into.Any(r => r.Kind == ItaMappingKind.Merged) || from.Count > 1 ? "merged"
                : into.Any(r => r.Kind == ItaMappingKind.Split) ? "split"
                : !string.Equals(from[0], item.Code, StringComparison.OrdinalIgnoreCase) ? "renumbered"
                : null;
            if (change is not null)
            {
                changes.Add(new ItaItemChange(change, from.Count == 0 ? null : string.Join(", ", from), item.Code, item.Title));
            }
        }

        var carried = rows.Where(r => r.Carries && version.Catalogue.FindItem(r.ToCode!) is not null).SelectMany(r => r.FromCodes).ToHashSet(StringComparer.OrdinalIgnoreCase);
        changes.AddRange(previous.Catalogue.AllItems().Where(i => !carried.Contains(i.Code)).Select(i => new ItaItemChange("removed", i.Code, null, i.Title)));
        return ($"คู่มือปี {previousYear}", changes);
    }

    private static List<ItaItemChange> SameYear(ItaCatalogue before, ItaCatalogue after)
    {
        var old = before.AllItems().ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var now = after.AllItems().ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var changes = old.Values.Where(i => !now.ContainsKey(i.Code)).Select(i => new ItaItemChange("removed", i.Code, null, i.Title)).ToList();
        foreach (var item in now.Values)
        {
            if (!old.TryGetValue(item.Code, out var was))
            {
                changes.Add(new ItaItemChange("added", null, item.Code, item.Title));
            }
            else if (ItaCatalogueFormats.ToJson(Wrap(was)) != ItaCatalogueFormats.ToJson(Wrap(item)))
            {
                changes.Add(new ItaItemChange("changed", was.Code, item.Code, item.Title));
            }
        }

        return changes;
    }

    private static ItaCatalogue Wrap(ItaItem item) => new() { Indicators = [new ItaIndicator { SubIndicators = [new ItaSubIndicator { Items = [item] }] }] };
}
