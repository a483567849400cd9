using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>What one slot of the national night recorded.</summary>
public sealed record NightlyRunOutcome(int Tenants, int Recorded, int LaosChecked);

/// <summary>
/// The national night: every active LAO evaluated for a slot, read and written across tenants (hence the name) in
/// chunks of <see cref="ChunkSize"/> LAOs. Per chunk a handful of projection queries read the inputs of all its LAOs
/// (disclosures, measures, link results, the newest result per item, the standings), the pure rules run in memory on
/// every core (<see cref="ComplianceEvaluation.Evaluate(OrganisationType, ManualVersionView, IReadOnlyDictionary{string, DisclosureFacts}, IReadOnlyList{MeasureInput}, IReadOnlyDictionary{string, LinkFacts}, bool)"/>,
/// the same rules and history as the per-tenant path that "check now" keeps), and the runs, changed results and
/// standings are written with multi-row commands in one transaction per chunk. A night cut short loses at most the
/// chunk in flight; the slot resumed (a second firing, another replica) skips every LAO × manual version already
/// recorded for it, and the unique index on tenant × version × slot stays the last word (a chunk that collides with
/// another node is re-read and written again without the rows that node recorded).
/// </summary>
public sealed class CrossTenantNightlyRun(PlatformDbContext db, ItaCatalogueQueries catalogues, TimeProvider clock)
{
    /// <summary>LAOs per transaction: a few hundred keeps the commits few and what a crash loses small.</summary>
    public const int ChunkSize = 500;

    private static readonly string[] TenantFilter = [PlatformDbContext.TenantFilter];

    public async Task<NightlyRunOutcome> RunAsync(string slot, ComplianceRunKind kind, CancellationToken cancellationToken = default)
    {
        var published = await catalogues.PublishedYearsAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Active).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        if (published.Count == 0)
        {
            return new NightlyRunOutcome(organisations.Count, 0, 0);
        }

        var manuals = new Dictionary<int, ManualVersionView>();
        var warnOnly = new Dictionary<int, bool>();
        foreach (var year in published)
        {
            manuals[year] = (await catalogues.PublishedAsync(year, cancellationToken))!;
            warnOnly[year] = await catalogues.UnreachableLinksWarnOnlyAsync(year, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var runs = new CrossTenantRowWriter(db, typeof(ComplianceRun));
            using var results = new CrossTenantRowWriter(db, typeof(ComplianceResult));
            using var standings = new CrossTenantRowWriter(db, typeof(LaoStanding));
            var recorded = 0;
            var laosChecked = 0;
            foreach (var chunk in organisations.Chunk(ChunkSize))
            {
                for (var attempt = 1; ; attempt++)
                {
                    var written = await EvaluateChunkAsync(chunk, slot, kind, manuals, warnOnly, cancellationToken);
                    try
                    {
                        await WriteAsync(written, runs, results, standings, cancellationToken);
                        recorded += written.Count;
                        laosChecked += written.Select(w => w.Run.TenantId).Distinct().Count();
                        break;
                    }
                    catch (DbException) when (attempt < 3)
                    {
                        // Most likely another node recorded some of these LAOs for the slot meanwhile (unique index):
                        // the chunk was rolled back whole; read again what is recorded and write the rest.
                    }
                }
            }

            return new NightlyRunOutcome(organisations.Count, recorded, laosChecked);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<Written>> EvaluateChunkAsync(
        Organisation[] chunk, string slot, ComplianceRunKind kind, Dictionary<int, ManualVersionView> manuals, Dictionary<int, bool> warnOnly, CancellationToken cancellationToken)
    {
        var ids = chunk.Select(o => o.Id).ToList();
        var years = manuals.Keys.ToList();
        var newest = years.Max();
        var versions = manuals.Values.Select(m => m.Id).ToList();
        var recorded = (await db.ComplianceRuns.IgnoreQueryFilters(TenantFilter)
                .Where(r => r.Slot == slot && ids.Contains(r.TenantId)).Select(r => new { r.TenantId, r.ManualVersionId }).ToListAsync(cancellationToken))
            .Select(r => (r.TenantId, r.ManualVersionId)).ToHashSet();
        var answered = (await db.ItemDisclosures.IgnoreQueryFilters(TenantFilter)
                .Where(d => ids.Contains(d.TenantId) && years.Contains(d.AssessmentYear)).Select(d => new { d.TenantId, d.AssessmentYear }).Distinct().ToListAsync(cancellationToken))
            .Select(d => (d.TenantId, d.AssessmentYear)).ToHashSet();

        // The years a LAO works on: those it has answered and the newest manual, as the per-tenant path.
        var work = chunk.SelectMany(o => years.Where(y => y == newest || answered.Contains((o.Id, y))).Select(y => new Work(o, manuals[y])))
            .Where(w => !recorded.Contains((w.Organisation.Id, w.Manual.Id)))
            .ToList();
        if (work.Count == 0)
        {
            return [];
        }

        var inputs = await ReadInputsAsync(ids, years, versions, manuals, cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(now).DateTime);
        var written = new Written[work.Count];
        Parallel.For(0, work.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => written[i] = Evaluate(work[i], inputs, slot, kind, warnOnly[work[i].Manual.Year], now, today));
        return [.. written];
    }

    private static Written Evaluate(Work work, ChunkInputs inputs, string slot, ComplianceRunKind kind, bool warnOnly, DateTimeOffset now, DateOnly today)
    {
        var (organisation, manual) = work;
        var year = manual.Year;
        var prefix = $"{year}/";
        var measures = inputs.Measures.GetValueOrDefault(organisation.Id, [])
            .Where(m => m.ItaItems.Any(i => i.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        var (verdicts, projection) = ComplianceEvaluation.Evaluate(organisation.Type, manual,
            inputs.Disclosures.GetValueOrDefault((organisation.Id, year), []), measures, inputs.Links.GetValueOrDefault(organisation.Id, []), warnOnly);
        var run = new ComplianceRun
        {
            TenantId = organisation.Id, Slot = slot, Kind = kind, QueuedAt = now, AssessmentYear = year, ManualVersionId = manual.Id, ManualVersionNumber = manual.Number,
        };
        ComplianceEvaluation.Complete(run, manual, projection, now);
        var results = ComplianceEvaluation.ChangedResults(run, verdicts, inputs.Latest.GetValueOrDefault((organisation.Id, manual.Id), []), now).ToList();

        var standing = inputs.Standings.GetValueOrDefault((organisation.Id, year));
        var isNew = standing is null;
        if (standing is not null && standing.CheckedAt > run.FinishedAt)
        {
            return new Written(run, results, null, false); // a newer run already wrote it
        }

        standing ??= new LaoStanding
        {
            OrganisationId = organisation.Id, AssessmentYear = year, ProvinceCode = organisation.ProvinceCode, DistrictCode = organisation.DistrictCode,
        };
        DateTimeOffset? lastEdit = inputs.LastDisclosureEdits.TryGetValue((organisation.Id, year), out var edit) ? edit : null;
        LaoStandingWriter.Apply(standing, organisation, run, verdicts, measures, lastEdit, today);
        return new Written(run, results, standing, isNew);
    }

    private async Task<ChunkInputs> ReadInputsAsync(
        List<Guid> ids, List<int> years, List<Guid> versions, Dictionary<int, ManualVersionView> manuals, CancellationToken cancellationToken)
    {
        var disclosures = new Dictionary<(Guid, int), Dictionary<string, DisclosureFacts>>();
        var edits = new Dictionary<(Guid, int), DateTimeOffset>();
        await foreach (var d in db.ItemDisclosures.IgnoreQueryFilters(TenantFilter).Where(d => ids.Contains(d.TenantId) && years.Contains(d.AssessmentYear))
                           .Select(d => new { d.TenantId, d.AssessmentYear, d.ItemCode, d.Answer, d.Urls, d.Explanation, d.UpdatedAt }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = (d.TenantId, d.AssessmentYear);
            if (!disclosures.TryGetValue(key, out var byCode))
            {
                disclosures[key] = byCode = new Dictionary<string, DisclosureFacts>(StringComparer.OrdinalIgnoreCase);
            }

            byCode[d.ItemCode] = new DisclosureFacts(d.Answer, d.Urls, d.Explanation);
            edits[key] = edits.TryGetValue(key, out var last) && last > d.UpdatedAt ? last : d.UpdatedAt;
        }

        var measures = new Dictionary<Guid, List<(int Number, Guid Id, MeasureInput Input)>>();
        await foreach (var m in db.Measures.IgnoreQueryFilters(TenantFilter).Where(m => ids.Contains(m.TenantId))
                           .Select(m => new
                           {
                               m.TenantId, m.Id, m.Number, m.Title, m.AnalysisBasis, m.Steps, Units = m.ResponsibleUnits.Count, m.Monitoring, m.PeriodFrom, m.PeriodTo, m.Status,
                               m.ResultPoints, m.Outcome, m.ItaItems, m.UpdatedAt,
                           })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var facts = MeasureFacts.From(m.Number, m.Title, m.AnalysisBasis, m.Steps, m.Units, m.Monitoring, m.PeriodFrom, m.PeriodTo, m.Status, m.ResultPoints, m.Outcome);
            Add(measures, m.TenantId, (m.Number, m.Id, new MeasureInput(facts, m.ItaItems, m.UpdatedAt)));
        }

        var links = new Dictionary<Guid, Dictionary<string, LinkFacts>>();
        await foreach (var l in db.LinkChecks.IgnoreQueryFilters(TenantFilter).Where(l => ids.Contains(l.TenantId))
                           .Select(l => new { l.TenantId, l.Url, l.Outcome, l.StatusCode, l.Detail, l.YearsMentioned, l.IsText }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!links.TryGetValue(l.TenantId, out var byUrl))
            {
                links[l.TenantId] = byUrl = new Dictionary<string, LinkFacts>(StringComparer.Ordinal);
            }

            byUrl.TryAdd(l.Url, new LinkFacts(l.Url, l.Outcome, l.StatusCode, l.Detail, l.YearsMentioned, l.IsText));
        }

        // The item history of the manual versions evaluated: only the newest result per item counts (ItemResultHistory).
        // The runs apart from their results: a join would look every result's run up by key, one index probe a row.
        var versionOfRun = await db.ComplianceRuns.IgnoreQueryFilters(TenantFilter).Where(r => ids.Contains(r.TenantId) && versions.Contains(r.ManualVersionId))
            .ToDictionaryAsync(r => r.Id, r => r.ManualVersionId, cancellationToken);
        // Reasons are read only where there can be any: a pass carries none (ItemRules), and decoding every row's
        // reasons was most of this read.
        var reasons = await db.ComplianceResults.IgnoreQueryFilters(TenantFilter)
            .Where(r => ids.Contains(r.TenantId) && years.Contains(r.AssessmentYear) && r.Status != ComplianceStatus.Pass)
            .ToDictionaryAsync(r => r.Id, r => r.Reasons, cancellationToken);
        var history = new Dictionary<(Guid, Guid), List<ComplianceResult>>();
        await foreach (var r in db.ComplianceResults.IgnoreQueryFilters(TenantFilter).Where(r => ids.Contains(r.TenantId) && years.Contains(r.AssessmentYear))
                           .Select(r => new { r.Id, r.TenantId, r.RunId, r.AssessmentYear, r.ItemCode, r.Status, r.CheckedAt }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (versionOfRun.TryGetValue(r.RunId, out var version) && manuals[r.AssessmentYear].Id == version)
            {
                Add(history, (r.TenantId, version), new ComplianceResult
                {
                    Id = r.Id, TenantId = r.TenantId, RunId = r.RunId, AssessmentYear = r.AssessmentYear, ItemCode = r.ItemCode, Status = r.Status, CheckedAt = r.CheckedAt,
                    Reasons = reasons.GetValueOrDefault(r.Id, []),
                });
            }
        }

        var standings = await db.LaoStandings.AsNoTracking().Where(s => ids.Contains(s.OrganisationId) && years.Contains(s.AssessmentYear))
            .ToDictionaryAsync(s => (s.OrganisationId, s.AssessmentYear), cancellationToken);
        return new ChunkInputs
        {
            Disclosures = disclosures, LastDisclosureEdits = edits, Links = links, Standings = standings,
            Measures = measures.ToDictionary(m => m.Key, m => m.Value.OrderBy(x => x.Number).ThenBy(x => x.Id).Select(x => x.Input).ToList()),
            Latest = history.ToDictionary(h => h.Key, h => ItemResultHistory.LatestPerItem(h.Value)),
        };
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> groups, TKey key, TValue value)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }

        list.Add(value);
    }

    private async Task WriteAsync(List<Written> written, CrossTenantRowWriter runs, CrossTenantRowWriter results, CrossTenantRowWriter standings, CancellationToken cancellationToken)
    {
        if (written.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var t = transaction.GetDbTransaction();
        await runs.InsertAsync([.. written.Select(w => w.Run)], t, cancellationToken);
        await results.InsertAsync([.. written.SelectMany(w => w.Results)], t, cancellationToken);
        await standings.InsertAsync([.. written.Where(w => w.NewStanding).Select(w => w.Standing!)], t, cancellationToken);
        await standings.UpdateAsync([.. written.Where(w => w is { NewStanding: false, Standing: not null }).Select(w => w.Standing!)], t, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // Declared last: the architecture test attributes each call to the type declared above it.
    private sealed record Work(Organisation Organisation, ManualVersionView Manual);

    private sealed record Written(ComplianceRun Run, List<ComplianceResult> Results, LaoStanding? Standing, bool NewStanding);

    /// <summary>The inputs of one chunk's LAOs, grouped by tenant.</summary>
    private sealed class ChunkInputs
    {
        public required Dictionary<(Guid Tenant, int Year), Dictionary<string, DisclosureFacts>> Disclosures { get; init; }
        public required Dictionary<(Guid Tenant, int Year), DateTimeOffset> LastDisclosureEdits { get; init; }
        public required Dictionary<Guid, List<MeasureInput>> Measures { get; init; }
        public required Dictionary<Guid, Dictionary<string, LinkFacts>> Links { get; init; }
        public required Dictionary<(Guid Tenant, Guid Version), Dictionary<string, ComplianceResult>> Latest { get; init; }
        public required Dictionary<(Guid Organisation, int Year), LaoStanding> Standings { get; init; }
    }
}
