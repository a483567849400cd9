using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Measures;

/// <summary>The measures copied into the new year, and the titles skipped (already there, or no longer valid).</summary>
/// <param name="LinksDropped">ITA item links left out: the item has no successor in the new year's manual (the clerk picks anew).</param>
public sealed record CarriedOver(int Created, IReadOnlyList<string> Skipped, int LinksDropped = 0) : CommandResult;

/// <summary>
/// Starts a fiscal year from any earlier one: each measure is copied (title, analysis basis, steps, active responsible
/// units, monitoring; the period moved on by the years between) as a planned measure without results, to be edited.
/// Its ITA item links move on through the item mapping between the manuals (2566 O42 → 2569 O25 → 2570 O25); a link
/// whose item has no successor is left out and counted. A measure whose title the new year already has is skipped,
/// so running it twice copies nothing twice.
/// </summary>
public sealed class CarryOverMeasuresHandler(MeasureWriter writer, ItaMappingQueries mappings)
{
    public async Task<CommandResult> HandleAsync(int fromYear, int toYear, CancellationToken cancellationToken = default)
    {
        var db = writer.Db;
        var source = await db.Measures.AsNoTracking().Include(m => m.ResponsibleUnits)
            .Where(m => m.FiscalYear == fromYear).OrderBy(m => m.Number).ToListAsync(cancellationToken);
        var taken = (await db.Measures.Where(m => m.FiscalYear == toYear).Select(m => m.Title).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var next = (await db.Measures.Where(m => m.FiscalYear == toYear).MaxAsync(m => (int?)m.Number, cancellationToken) ?? 0) + 1;
        var shift = toYear - fromYear;
        var skipped = new List<string>();
        var created = 0;
        var dropped = 0;
        var rows = await mappings.AllAsync(cancellationToken);
        foreach (var m in source)
        {
            if (!taken.Add(m.Title))
            {
                skipped.Add(m.Title);
                continue;
            }

            var input = new MeasureInput
            {
                FiscalYear = toYear,
                Title = m.Title,
                AnalysisBasis = m.AnalysisBasis,
                Steps = m.Steps,
                ResponsibleUnitIds = m.ResponsibleUnits.Where(u => u.IsActive).Select(u => u.Id).ToList(),
                PeriodFromYear = m.PeriodFrom.Year + Domain.Calendar.FiscalYear.BuddhistEraOffset + shift,
                PeriodFromMonth = m.PeriodFrom.Month,
                PeriodToYear = m.PeriodTo.Year + Domain.Calendar.FiscalYear.BuddhistEraOffset + shift,
                PeriodToMonth = m.PeriodTo.Month,
                Status = MeasureStatus.Planned,
                Monitoring = m.Monitoring,
                ItaItems = m.ItaItems.SelectMany(i => MoveItem(rows, i, shift, ref dropped)).Distinct().ToList(),
            }.Normalised();
            var (invalid, units) = await writer.ValidateAsync(input, measureId: null, cancellationToken);
            if (invalid is not null)
            {
                skipped.Add(m.Title);
                continue;
            }

            writer.Add(input, units, next++);
            created++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CarriedOver(created, skipped, dropped);
    }

    /// <summary>"2566/O42" moved on 4 years → "2570/O25", through the mapping; none when the item has no successor.</summary>
    private static List<string> MoveItem(IReadOnlyCollection<ItaItemMapping> rows, string reference, int shift, ref int dropped)
    {
        var parts = reference.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return [reference];
        }

        var moved = ItaMappingChain.Translate(rows, year, parts[1], year + shift)
            .Select(t => FormattableString.Invariant($"{year + shift}/{t.Code}")).ToList();
        if (moved.Count == 0)
        {
            dropped++;
        }

        return moved;
    }
}
