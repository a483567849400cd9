using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>Loads one tenant's inputs for one assessment year, applies <see cref="ItemRules"/> and records the run (current tenant).</summary>
public sealed class ComplianceEvaluation(PlatformDbContext db, ItaCatalogueQueries catalogues, LaoStandingWriter standings, TimeProvider clock)
{
    // One tenant per instance (scoped): measures and link results are read once for all its years.
    private List<MeasureInput>? _measures;
    private Dictionary<string, LinkFacts>? _links;

    /// <summary>True when a run was recorded; false when the slot already has one (idempotent) or no manual is published.</summary>
    public async Task<bool> RecordAsync(Organisation organisation, int year, string slot, ComplianceRunKind kind, Guid? existingRunId, CancellationToken cancellationToken)
    {
        if (!await AddAsync(organisation, year, slot, kind, existingRunId, cancellationToken))
        {
            return false;
        }

        return await SaveAsync(cancellationToken);
    }

    /// <summary>Saves what <see cref="AddAsync"/> added; false when another node recorded the slot first (nothing new).</summary>
    public async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another scheduler node recorded this slot first (unique tenant × version × slot): nothing new.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Evaluates one year and adds the run and its results to the context, unsaved; false when there is nothing to record.</summary>
    public async Task<bool> AddAsync(Organisation organisation, int year, string slot, ComplianceRunKind kind, Guid? existingRunId, CancellationToken cancellationToken)
    {
        if (await catalogues.PublishedAsync(year, cancellationToken) is not { } manual)
        {
            return false;
        }

        ComplianceRun? run;
        if (existingRunId is { } id)
        {
            run = await db.ComplianceRuns.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (run is null || run.State == ComplianceRunState.Completed)
            {
                return false;
            }
        }
        else
        {
            if (await db.ComplianceRuns.AnyAsync(r => r.ManualVersionId == manual.Id && r.Slot == slot, cancellationToken))
            {
                return false;
            }

            run = new ComplianceRun { Slot = slot, Kind = kind, QueuedAt = clock.GetUtcNow(), AssessmentYear = year, ManualVersionId = manual.Id, ManualVersionNumber = manual.Number };
            db.ComplianceRuns.Add(run);
        }

        var (verdicts, projection) = await EvaluateAsync(organisation.Type, manual, cancellationToken);
        var now = clock.GetUtcNow();
        Complete(run, manual, projection, now);
        var current = ItemResultHistory.LatestPerItem(await ResultsOfVersionAsync(year, manual.Id, cancellationToken));
        db.ComplianceResults.AddRange(ChangedResults(run, verdicts, current, now));
        await standings.RecordAsync(organisation, run, verdicts, _measures!, await LastDisclosureEditAsync(year, cancellationToken), cancellationToken);
        return true;
    }

    /// <summary>Records the verdicts' summary on the run.</summary>
    internal static void Complete(ComplianceRun run, ManualVersionView manual, OitProjection projection, DateTimeOffset now)
    {
        run.ManualVersionId = manual.Id;
        run.ManualVersionNumber = manual.Number;
        run.State = ComplianceRunState.Completed;
        run.FinishedAt = now;
        run.Score = projection.Score;
        run.Passes = projection.Passes;
        run.Rating = projection.Rating;
        run.Applicable = projection.Applicable;
        run.Passed = projection.Passed;
        run.Warnings = projection.Warnings;
        run.Failed = projection.Failed;
    }

    /// <summary>
    /// Item results are history, stored only when an item's verdict changes (the run's summary is kept every time): a
    /// night in which nothing changed writes one row per LAO and year, not one per item.
    /// </summary>
    /// <param name="current">The newest result per item among the manual version's earlier runs.</param>
    internal static IEnumerable<ComplianceResult> ChangedResults(
        ComplianceRun run, IReadOnlyList<(string Code, ItemVerdict Verdict)> verdicts, IReadOnlyDictionary<string, ComplianceResult> current, DateTimeOffset now)
    {
        foreach (var (code, verdict) in verdicts)
        {
            if (current.TryGetValue(code, out var last) && last.Status == verdict.Status && last.Reasons.SequenceEqual(verdict.Reasons, StringComparer.Ordinal))
            {
                continue;
            }

            yield return new ComplianceResult
            {
                TenantId = run.TenantId, RunId = run.Id, AssessmentYear = run.AssessmentYear, ItemCode = code, Status = verdict.Status, Reasons = [.. verdict.Reasons], CheckedAt = now,
            };
        }
    }

    private async Task<List<ComplianceResult>> ResultsOfVersionAsync(int year, Guid manualVersionId, CancellationToken cancellationToken) =>
        await db.ComplianceResults.AsNoTracking().Where(r => r.AssessmentYear == year)
            .Join(db.ComplianceRuns.Where(run => run.ManualVersionId == manualVersionId), r => r.RunId, run => run.Id, (r, _) => r)
            .ToListAsync(cancellationToken);

    private async Task<DateTimeOffset?> LastDisclosureEditAsync(int year, CancellationToken cancellationToken)
    {
        var edits = await db.ItemDisclosures.Where(d => d.AssessmentYear == year).Select(d => d.UpdatedAt).ToListAsync(cancellationToken);
        return edits.Count == 0 ? null : edits.Max();
    }

    /// <summary>The verdicts without recording anything (also used by the benchmark).</summary>
    public async Task<(IReadOnlyList<(string Code, ItemVerdict Verdict)> Verdicts, OitProjection Projection)> EvaluateAsync(
        OrganisationType type, ManualVersionView manual, CancellationToken cancellationToken)
    {
        var year = manual.Year;
        var disclosures = await db.ItemDisclosures.AsNoTracking().Where(d => d.AssessmentYear == year).ToListAsync(cancellationToken);
        var prefix = $"{year}/";
        // In number order (then id, in memory, as the national night sorts them): the reasons list the measures in it.
        _measures ??= (await db.Measures.AsNoTracking().Include(m => m.ResponsibleUnits).ToListAsync(cancellationToken))
            .OrderBy(m => m.Number).ThenBy(m => m.Id).Select(MeasureInput.From).ToList();
        _links ??= (await db.LinkChecks.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(l => l.Url).ToDictionary(g => g.Key, g => g.First().ToFacts(), StringComparer.Ordinal);
        var byCode = disclosures.ToDictionary(d => d.ItemCode, d => Facts(d), StringComparer.OrdinalIgnoreCase);
        var warnOnly = await catalogues.UnreachableLinksWarnOnlyAsync(year, cancellationToken);
        return Evaluate(type, manual, byCode, _measures.Where(m => m.ItaItems.Any(i => i.StartsWith(prefix, StringComparison.Ordinal))).ToList(), _links, warnOnly);
    }

    /// <summary>The rules over entities (the demo's generator); the same as the overload over plain inputs.</summary>
    public static (IReadOnlyList<(string Code, ItemVerdict Verdict)> Verdicts, OitProjection Projection) Evaluate(
        OrganisationType type, ManualVersionView manual, IReadOnlyDictionary<string, ItemDisclosure> disclosures, IReadOnlyList<Measure> measures,
        IReadOnlyDictionary<string, LinkFacts> links, bool unreachableLinksWarnOnly = false) =>
        Evaluate(type, manual, disclosures.ToDictionary(d => d.Key, d => Facts(d.Value), StringComparer.OrdinalIgnoreCase),
            measures.Select(MeasureInput.From).ToList(), links, unreachableLinksWarnOnly);

    private static DisclosureFacts Facts(ItemDisclosure d) => new(d.Answer, d.Urls, d.Explanation);

    /// <summary>One tenant's verdicts for one manual: the per-tenant path and the cross-tenant night both come here.</summary>
    /// <param name="unreachableLinksWarnOnly">The year's operator setting (<see cref="Domain.Ita.ItaManual.UnreachableLinksWarnOnly"/>).</param>
    public static (IReadOnlyList<(string Code, ItemVerdict Verdict)> Verdicts, OitProjection Projection) Evaluate(
        OrganisationType type, ManualVersionView manual, IReadOnlyDictionary<string, DisclosureFacts> disclosures, IReadOnlyList<MeasureInput> measures,
        IReadOnlyDictionary<string, LinkFacts> links, bool unreachableLinksWarnOnly)
    {
        var verdicts = new List<(string, ItemVerdict)>();
        foreach (var item in manual.Catalogue.AllItems())
        {
            var reference = $"{manual.Year}/{item.Code}";
            var linked = measures.Where(m => m.ItaItems.Contains(reference, StringComparer.OrdinalIgnoreCase)).Select(m => m.Facts).ToList();
            verdicts.Add((item.Code, ItemRules.Evaluate(new ItemContext(manual.Year, item, type, disclosures.GetValueOrDefault(item.Code), linked, links, unreachableLinksWarnOnly))));
        }

        return (verdicts, OitProjection.From(verdicts.Select(v => v.Item2), manual.Catalogue));
    }
}

/// <summary>A measure as the night needs it: the rules' facts, the items it serves, and when it was last edited (the standing).</summary>
public sealed record MeasureInput(MeasureFacts Facts, IReadOnlyList<string> ItaItems, DateTimeOffset UpdatedAt)
{
    public static MeasureInput From(Measure m) => new(MeasureFacts.From(m), m.ItaItems, m.UpdatedAt);
}
