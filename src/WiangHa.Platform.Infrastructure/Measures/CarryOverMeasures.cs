using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Infrastructure.Measures;

/// <summary>The measures copied into the new year, and the titles skipped (already there, or no longer valid).</summary>
public sealed record CarriedOver(int Created, IReadOnlyList<string> Skipped) : CommandResult;

/// <summary>
/// Starts a fiscal year from the year before: each measure is copied (title, analysis basis, steps, active responsible
/// units, monitoring; the period and the ITA items moved on by one year) as a planned measure without results, to be
/// edited. A measure whose title the new year already has is skipped, so running it twice copies nothing twice.
/// </summary>
public sealed class CarryOverMeasuresHandler(MeasureWriter writer)
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
                ItaItems = m.ItaItems.Select(i => ShiftItem(i, shift)).ToList(),
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
        return new CarriedOver(created, skipped);
    }

    /// <summary>"2566/O42" → "2567/O42": a starting point; the clerk checks the new manual's numbering.</summary>
    private static string ShiftItem(string reference, int shift)
    {
        var parts = reference.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? FormattableString.Invariant($"{year + shift}/{parts[1]}")
            : reference;
    }
}
