using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Seeding;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Dashboards;

/// <summary>A server-configured database (no demo data) into which the Chiang Rai demo is loaded once, by the real loader.</summary>
public sealed class DemoProvinceFactory : PlatformFactory
{
    public DemoLoadResult Loaded { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Loaded = await LoadChiangRaiAsync();
    }

    public async Task<DemoLoadResult> LoadChiangRaiAsync()
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entries = await db.RegisteredLaos.AsNoTracking().Where(r => r.ProvinceCode == DemoDataSeeder.DemoProvince).ToListAsync();
        return await scope.ServiceProvider.GetRequiredService<DemoLaoLoader>().LoadAsync(entries);
    }
}

/// <summary>
/// The Chiang Rai demo (generator and loader of the embedded default, called directly): every registry LAO of the
/// province onboarded, a mix of readiness on the dashboard, and a season of history whose figures the test recomputes
/// from the stored runs and measures on its own.
/// </summary>
public sealed class DemoProvinceTests(DemoProvinceFactory factory) : IClassFixture<DemoProvinceFactory>
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Fact]
    public async Task Chiang_rai_demo_onboards_its_144_registry_laos_with_ready_at_risk_and_not_started_ones()
    {
        factory.Loaded.Onboarded.ShouldBe(144);
        factory.Loaded.Skipped.ShouldBe(0);

        await using var scope = factory.Scope();
        var dashboard = (await scope.ServiceProvider.GetRequiredService<DashboardQueries>().ProvinceAsync(SupervisorScope.National, "57", null))!;
        dashboard.Year.ShouldBe(2569);
        dashboard.Summary.Registered.ShouldBe(144);
        dashboard.Summary.Onboarded.ShouldBe(144);
        dashboard.Laos.Count.ShouldBe(144);
        dashboard.Laos.ShouldAllBe(l => l.IsOnboarded && l.Slug == DemoLaoGenerator.SlugFor(l.DlaCode!));
        var byReadiness = dashboard.Laos.GroupBy(l => l.Readiness).ToDictionary(g => g.Key, g => g.Count());
        byReadiness.GetValueOrDefault(Readiness.Ready).ShouldBeInRange(65, 100, "about 55% ready");
        byReadiness.GetValueOrDefault(Readiness.AtRisk).ShouldBeInRange(30, 65, "about 30% at risk");
        byReadiness.GetValueOrDefault(Readiness.NotStarted).ShouldBeInRange(4, 16, "about ten not started");
        dashboard.Laos.Where(l => l.Readiness == Readiness.Ready).ShouldAllBe(l => l.Standing!.Score >= 85);
        dashboard.Laos.Where(l => l.Readiness == Readiness.AtRisk).ShouldContain(l => l.Standing!.Score < 85);
        dashboard.Laos.Where(l => l.Readiness == Readiness.AtRisk).ShouldContain(l => l.Standing!.MeasuresLate > 0);
        dashboard.ItemFailures.ShouldContain(i => i.Failing > 0);
        dashboard.Districts.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Loading_again_skips_every_onboarded_lao_and_keeps_the_figures()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var figuresBefore = await db.ProvinceDayFigures.AsNoTracking().Where(f => f.Day < Today).OrderBy(f => f.AssessmentYear).ThenBy(f => f.Day)
            .Select(f => new { f.AssessmentYear, f.Day, f.Checked, f.AverageScore, f.AtPassMark, f.AtRisk }).ToListAsync();

        var again = await factory.LoadChiangRaiAsync();

        again.Onboarded.ShouldBe(0);
        again.Skipped.ShouldBe(144);
        again.Runs.ShouldBe(0);
        (await db.Organisations.CountAsync()).ShouldBe(144);
        var figuresAfter = await db.ProvinceDayFigures.AsNoTracking().Where(f => f.Day < Today).OrderBy(f => f.AssessmentYear).ThenBy(f => f.Day)
            .Select(f => new { f.AssessmentYear, f.Day, f.Checked, f.AverageScore, f.AtPassMark, f.AtRisk }).ToListAsync();
        figuresAfter.ShouldBe(figuresBefore);
    }

    [Fact]
    public async Task Each_laos_weekly_scores_rise_to_the_score_of_its_real_run_of_today()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.DlaCode).ToListAsync();
        var checkedLaos = 0;
        foreach (var organisation in organisations)
        {
            using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(TenantInfo.From(organisation)))
            {
                var runs = await db.ComplianceRuns.AsNoTracking().Where(r => r.AssessmentYear == 2569).ToListAsync();
                if (runs.Count == 0)
                {
                    continue;
                }

                checkedLaos++;
                var ordered = runs.OrderBy(r => r.QueuedAt).ToList();
                ordered.Select(r => r.Score).ShouldBe(ordered.Select(r => r.Score).Order(), $"{organisation.Slug}: scores only rise");
                ordered.Count(r => r.Slot == $"nightly:{Today:yyyy-MM-dd}").ShouldBe(1, "today's run is the engine's");
                var today = ordered[^1];
                today.Slot.ShouldBe($"nightly:{Today:yyyy-MM-dd}");
                (await db.ComplianceResults.CountAsync(r => r.RunId == today.Id)).ShouldBeGreaterThanOrEqualTo(today.Applicable, "the engine stored every item of its first run");
                ordered.SkipLast(1).ShouldAllBe(r => r.Kind == ComplianceRunKind.Nightly && r.State == ComplianceRunState.Completed
                                                     && r.Slot.StartsWith("nightly:2026-", StringComparison.Ordinal) && ThaiTime.ToBangkok(r.QueuedAt).DayOfWeek == DayOfWeek.Monday);
            }
        }

        checkedLaos.ShouldBeInRange(125, 140);
    }

    [Fact]
    public async Task Past_nights_province_figures_equal_a_recount_of_the_stored_runs_and_measures()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var organisations = await db.Organisations.AsNoTracking().ToListAsync();
        var nights = new[] { (2569, new DateOnly(2026, 10, 5)), (2569, new DateOnly(2026, 11, 23)), (2568, new DateOnly(2025, 10, 6)), (2568, new DateOnly(2026, 11, 16)) };
        foreach (var (year, night) in nights)
        {
            var slot = "nightly:" + night.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var scores = new List<decimal>();
            var (passing, atRisk) = (0, 0);
            foreach (var organisation in organisations)
            {
                using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(TenantInfo.From(organisation)))
                {
                    var run = await db.ComplianceRuns.AsNoTracking().SingleOrDefaultAsync(r => r.AssessmentYear == year && r.Slot == slot);
                    if (run is null)
                    {
                        continue;
                    }

                    // Late that night: serving the year's items, period over by then, neither done nor cancelled.
                    var measures = await db.Measures.AsNoTracking().ToListAsync();
                    var late = measures.Count(m => m.ItaItems.Any(i => i.StartsWith($"{year}/", StringComparison.Ordinal))
                                                   && m.Status is not (MeasureStatus.Completed or MeasureStatus.Cancelled)
                                                   && m.PeriodTo.AddMonths(1) <= night);
                    scores.Add(run.Score);
                    passing += run.Score >= 85 ? 1 : 0;
                    atRisk += run.Score < 85 || late > 0 ? 1 : 0;
                }
            }

            var figure = await db.ProvinceDayFigures.AsNoTracking().SingleAsync(f => f.ProvinceCode == "57" && f.AssessmentYear == year && f.Day == night);
            figure.Onboarded.ShouldBe(144);
            figure.Checked.ShouldBe(scores.Count);
            figure.AverageScore.ShouldBe(Math.Round(scores.Sum() / scores.Count, 2));
            figure.AtPassMark.ShouldBe(passing);
            figure.AtRisk.ShouldBe(atRisk + 144 - scores.Count);
        }
    }

    [Fact]
    public async Task Retention_keeps_a_mondays_runs_on_the_night_that_monday_becomes_the_cutoff()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var monday = new DateOnly(2026, 11, 2);
        var sample = await db.Organisations.AsNoTracking().OrderBy(o => o.DlaCode).ToListAsync();
        async Task<int> RunsOfMondayAsync()
        {
            var count = 0;
            foreach (var organisation in sample)
            {
                using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(TenantInfo.From(organisation)))
                {
                    count += await db.ComplianceRuns.CountAsync(r => r.Slot == "nightly:2026-11-02");
                }
            }

            return count;
        }

        var before = await RunsOfMondayAsync();
        before.ShouldBeGreaterThan(100);

        // 35 days (the default) after that Monday, its runs are the first weekly ones the policy keeps.
        await scope.ServiceProvider.GetRequiredService<CrossTenantComplianceHistory>().PruneAsync(monday.AddDays(35), 2569);

        (await RunsOfMondayAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_trend_has_this_years_weekly_nights_and_today_beside_last_years_season()
    {
        await using var scope = factory.Scope();
        var trend = (await scope.ServiceProvider.GetRequiredService<DashboardQueries>().TrendAsync(SupervisorScope.ForProvinces(["57"]), "57", 2569))!;

        trend.ThisYear.Select(p => p.Day).ShouldBe([.. Enumerable.Range(0, 8).Select(w => new DateOnly(2026, 10, 5).AddDays(7 * w)), Today]);
        trend.ThisYear.Select(p => p.Checked).ShouldBe(trend.ThisYear.Select(p => p.Checked).Order());
        trend.ThisYear[^1].AverageScore.ShouldBeGreaterThan(trend.ThisYear[0].AverageScore);
        trend.LastYear.Select(p => p.Day).ShouldContain(new DateOnly(2025, 10, 6));
        trend.LastYear.Select(p => p.Day).ShouldContain(new DateOnly(2025, 11, 24));
    }
}
