using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Seeding;

public sealed record DemoLoadResult(int Onboarded, int Skipped, int Runs, int DayFigures, TimeSpan Elapsed);

/// <summary>
/// Onboards registry LAOs as demo tenants with generated data (<see cref="DemoLaoGenerator"/>), for the Chiang Rai demo
/// and the national load. Per LAO, one transaction inside its <see cref="TenantScope"/> (organisation, units, measures,
/// disclosures, link results, past nights' run summaries), then its current state through the real engine
/// (<see cref="ComplianceRunner.RunTenantAsync"/>: runs, results, standings). Then the province figures of the past
/// nights, computed from the generated history as <see cref="ProvinceDayFigureWriter"/> computes them from the
/// standings, and today's by the writer itself. Idempotent: LAOs already onboarded (by DLA code) are skipped.
/// </summary>
public sealed class DemoLaoLoader(
    IServiceScopeFactory scopes, PlatformDbContext db, ItaCatalogueQueries catalogues, ComplianceRunner runner, ProvinceDayFigureWriter dayFigures, TimeProvider clock)
{
    private sealed record NightFigure(string Province, int Year, DateOnly Night, decimal Score, bool Passes, bool AtRisk);

    /// <param name="progress">Called with the LAOs onboarded so far and how many are to be (from several threads).</param>
    public async Task<DemoLoadResult> LoadAsync(IReadOnlyList<RegisteredLao> entries, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        using var unaudited = Audit.AuditSeeding.Skip();
        var now = clock.GetUtcNow();
        var season = DemoSeason.At(now);
        var published = new List<ManualVersionView>();
        foreach (var year in await catalogues.PublishedYearsAsync(cancellationToken))
        {
            published.Add((await catalogues.PublishedAsync(year, cancellationToken))!);
        }

        var generator = new DemoLaoGenerator(published, season, now);
        var slugs = (await db.Organisations.AsNoTracking().Where(o => o.DlaCode != null).Select(o => new { o.DlaCode, o.Slug }).ToListAsync(cancellationToken))
            .ToDictionary(o => o.DlaCode!, o => o.Slug, StringComparer.Ordinal);
        var missing = entries.Where(e => !slugs.ContainsKey(e.DlaCode)).ToList();

        // LAOs onboarded by an earlier load keep their generated history: their nights are counted again below.
        var figures = new ConcurrentBag<NightFigure>(entries
            .Where(e => slugs.GetValueOrDefault(e.DlaCode) == DemoLaoGenerator.SlugFor(e.DlaCode))
            .SelectMany(e => NightFigures(generator.Generate(e))));
        var slot = ComplianceRunner.NightlySlot(now);
        var handled = 0;
        var runs = 0;
        await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = ComplianceRunner.MaxParallelTenants, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                var lao = generator.Generate(entry);
                await SaveAsync(lao, ct);
                if (lao.Intended != Readiness.NotStarted)
                {
                    Interlocked.Add(ref runs, await runner.RunTenantAsync(lao.Organisation, slot, ComplianceRunKind.Nightly, ct));
                }

                foreach (var figure in NightFigures(lao))
                {
                    figures.Add(figure);
                }

                progress?.Invoke(Interlocked.Increment(ref handled), missing.Count);
            });

        var written = await RecordPastNightsAsync(figures, cancellationToken);
        foreach (var manual in published)
        {
            written += await dayFigures.RecordAsync(manual.Year, season.Today, cancellationToken);
        }

        return new DemoLoadResult(missing.Count, entries.Count - missing.Count, runs, written, watch.Elapsed);
    }

    private async Task SaveAsync(GeneratedLao lao, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tenantDb = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        tenantDb.ChangeTracker.AutoDetectChangesEnabled = false;
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(TenantInfo.From(lao.Organisation)))
        {
            tenantDb.Organisations.Add(lao.Organisation);
            tenantDb.OrgUnits.AddRange(lao.Units);
            tenantDb.Measures.AddRange(lao.Measures);
            tenantDb.ItemDisclosures.AddRange(lao.Disclosures);
            tenantDb.LinkChecks.AddRange(lao.LinkChecks);
            tenantDb.ComplianceRuns.AddRange(lao.History.Select(h => h.Run));
            tenantDb.ChangeTracker.DetectChanges();
            await tenantDb.SaveChangesAsync(cancellationToken);
        }
    }

    private static IEnumerable<NightFigure> NightFigures(GeneratedLao lao) =>
        lao.NightlyStandings().Select(n => new NightFigure(n.Standing.ProvinceCode, n.Standing.AssessmentYear, n.Night, n.Standing.Score, n.Standing.Passes,
            !n.Standing.Passes || n.Standing.MeasuresLate > 0));

    /// <summary>The past nights' province figures, with the meaning <see cref="ProvinceDayFigureWriter"/> gives them; replaces those nights' rows.</summary>
    private async Task<int> RecordPastNightsAsync(IReadOnlyCollection<NightFigure> figures, CancellationToken cancellationToken)
    {
        if (figures.Count == 0)
        {
            return 0;
        }

        var onboarded = await db.Organisations.Where(o => o.Status == OrganisationStatus.Active).GroupBy(o => o.ProvinceCode)
            .Select(g => new { Province = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Province, x => x.Count, cancellationToken);
        var groups = figures.GroupBy(f => (f.Province, f.Year, f.Night)).ToList();
        var keys = groups.Select(g => g.Key).ToHashSet();
        var nights = keys.Select(k => k.Night).Distinct().ToList();
        var replaced = await db.ProvinceDayFigures.Where(f => nights.Contains(f.Day)).ToListAsync(cancellationToken);
        db.ProvinceDayFigures.RemoveRange(replaced.Where(f => keys.Contains((f.ProvinceCode, f.AssessmentYear, f.Day))));
        foreach (var night in groups)
        {
            var active = onboarded.GetValueOrDefault(night.Key.Province);
            var checkedCount = night.Count();
            db.ProvinceDayFigures.Add(new ProvinceDayFigure
            {
                ProvinceCode = night.Key.Province, AssessmentYear = night.Key.Year, Day = night.Key.Night, Onboarded = active, Checked = checkedCount,
                AverageScore = Math.Round(night.Sum(f => f.Score) / checkedCount, 2), AtPassMark = night.Count(f => f.Passes),
                AtRisk = night.Count(f => f.AtRisk) + Math.Max(0, active - checkedCount),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return groups.Count;
    }
}
