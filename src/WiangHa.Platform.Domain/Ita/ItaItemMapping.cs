namespace WiangHa.Platform.Domain.Ita;

/// <summary>How an item of a later year's manual relates to the item(s) of an earlier year.</summary>
public enum ItaMappingKind
{
    /// <summary>เหมือนเดิม: same code, same meaning (the title may be reworded).</summary>
    Same = 1,

    /// <summary>เปลี่ยนรหัส: same meaning under another code.</summary>
    Renumbered = 2,

    /// <summary>แยกข้อ: one old item became several new ones (one row per new item).</summary>
    Split = 3,

    /// <summary>รวมข้อ: several old items became one new item.</summary>
    Merged = 4,

    /// <summary>ข้อใหม่: no old item carries into it.</summary>
    New = 5,

    /// <summary>ยกเลิก: the old item has no successor (or its meaning changed too much to carry work).</summary>
    Dropped = 6,
}

/// <summary>
/// One row of the mapping between two years' manuals (platform data, not tenant-owned): which old item(s) an item of
/// <see cref="ToYear"/> continues. Rows usually join consecutive years; a row may skip years when the manuals in
/// between are not known (2566 O42 → 2569 O25). A row naming an item that a catalogue lacks is kept and reported to
/// operators, never an error at load.
/// </summary>
public sealed class ItaItemMapping
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public int FromYear { get; set; }

    /// <summary>The old item codes; empty for <see cref="ItaMappingKind.New"/>, several for <see cref="ItaMappingKind.Merged"/>.</summary>
    public List<string> FromCodes { get; set; } = [];

    public int ToYear { get; set; }

    /// <summary>The new item's code; null for <see cref="ItaMappingKind.Dropped"/>.</summary>
    public string? ToCode { get; set; }

    public ItaMappingKind Kind { get; set; }

    /// <summary>True when checked against a source (the manuals, or the LAOs' own documents); false when inferred.</summary>
    public bool Confirmed { get; set; }

    /// <summary>Why the row says what it says (Thai, for operators).</summary>
    public string? Note { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>True when work on an old item carries into <see cref="ToCode"/> through this row.</summary>
    public bool Carries => ToCode is not null && Kind is not (ItaMappingKind.New or ItaMappingKind.Dropped) && FromCodes.Count > 0;
}

/// <summary>Where an old item's work lands in a later year, and whether every step of the way was confirmed.</summary>
public sealed record ItaTranslation(string Code, bool Confirmed, IReadOnlyList<string> Path);

/// <summary>
/// Follows the mapping rows from an item of one year to a later year. At each year: when rows leave that year, the
/// item goes where they take it (to the nearest later year any of them reaches; split items go several ways) and an
/// item no row carries is lost (dropped, or its meaning changed); when no row leaves that year, nothing is known about
/// the next manual and the code is kept as it is (so years beyond the last mapping keep their codes, inferred).
/// </summary>
public static class ItaMappingChain
{
    public static IReadOnlyList<ItaTranslation> Translate(IReadOnlyCollection<ItaItemMapping> mappings, int fromYear, string code, int toYear)
    {
        var results = new List<ItaTranslation>();
        Walk(mappings, fromYear, code, toYear, true, [$"{fromYear} {code}"], results);
        return results
            .GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(r => r.Confirmed).First())
            .ToList();
    }

    private static void Walk(IReadOnlyCollection<ItaItemMapping> mappings, int year, string code, int toYear, bool confirmed, List<string> path, List<ItaTranslation> results)
    {
        if (year == toYear)
        {
            results.Add(new ItaTranslation(code, confirmed, path));
            return;
        }

        if (year > toYear || path.Count > 50)
        {
            return;
        }

        var leaving = mappings.Where(m => m.FromYear == year && m.ToYear > year).ToList();
        if (leaving.Count == 0)
        {
            Walk(mappings, year + 1, code, toYear, false, [.. path, $"{year + 1} {code}"], results);
            return;
        }

        var carrying = leaving.Where(m => m.Carries && m.FromCodes.Contains(code, StringComparer.OrdinalIgnoreCase)).ToList();
        if (carrying.Count == 0)
        {
            return;
        }

        var nearest = carrying.Min(m => m.ToYear);
        foreach (var row in carrying.Where(m => m.ToYear == nearest))
        {
            Walk(mappings, nearest, row.ToCode!, toYear, confirmed && row.Confirmed, [.. path, $"{nearest} {row.ToCode}"], results);
        }
    }
}
