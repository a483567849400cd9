using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Compliance;

/// <summary>
/// The national night (<see cref="CrossTenantNightlyRun"/>) against the per-tenant path that "check now" keeps: twin
/// LAOs with the same inputs, one evaluated per tenant and one by the night, must end with the same runs, results and
/// standings, field by field, over a first night and a night in which a few items changed. And a slot half recorded
/// (a replica died) is finished without doubling any LAO.
/// </summary>
public sealed class CrossTenantNightlyRunTests : IClassFixture<PlatformFactory>
{
    private readonly PlatformFactory factory;

    public CrossTenantNightlyRunTests(PlatformFactory factory)
    {
        this.factory = factory;
        // Both paths must see the same instants: the pinned clock stands still here instead of ticking a millisecond a read.
        factory.Clock.AutoAdvanceAmount = TimeSpan.Zero;
    }

    private sealed record Twin(TestTenant PerTenant, TestTenant Night);

    [Fact]
    public async Task The_night_records_what_the_per_tenant_path_records_field_by_field_over_two_nights()
    {
        var (years, newest) = await ManualsAsync();
        var twins = new List<Twin>();
        for (var profile = 0; profile < 4; profile++)
        {
            var twin = new Twin(await factory.Data.CreateTenantAsync(), await factory.Data.CreateTenantAsync());
            foreach (var tenant in new[] { twin.PerTenant, twin.Night })
            {
                await ArrangeAsync(tenant, profile, newest, years);
            }

            twins.Add(twin);
        }

        await NightAsync(twins, "compare:1");
        var firstNight = await CompareAsync(twins, "compare:1");
        firstNight.ShouldContain(r => r.Status == ComplianceStatus.Fail && r.Reasons.Length > 0, "the inputs must make items fail, or the comparison proves little");
        firstNight.ShouldContain(r => r.Status == ComplianceStatus.Pass);
        firstNight.ShouldContain(r => r.Status == ComplianceStatus.Warning);

        // The next check: a broken link repaired and a measure's outcome written, in both twins; only those items change.
        // An hour later, not a day: past 02:00 in Bangkok the host's own scheduler would fire a night of its own meanwhile.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        foreach (var twin in twins)
        {
            foreach (var tenant in new[] { twin.PerTenant, twin.Night })
            {
                await ChangeAsync(tenant);
            }
        }

        await NightAsync(twins, "compare:2");
        var secondNight = await CompareAsync(twins, "compare:2");
        secondNight.ShouldNotBeEmpty();
        secondNight.Count.ShouldBeLessThan(firstNight.Count, "a night stores only the results that changed");
    }

    [Fact]
    public async Task A_slot_half_recorded_is_finished_with_each_lao_and_manual_version_recorded_once()
    {
        var (years, newest) = await ManualsAsync();
        var tenants = new List<TestTenant>();
        for (var i = 0; i < 4; i++)
        {
            var tenant = await factory.Data.CreateTenantAsync();
            await ArrangeAsync(tenant, i, newest, years);
            tenants.Add(tenant);
        }

        const string slot = "resume:2026-12-01";
        // The first half recorded before the replica died (each LAO's own transaction, as a chunk commits).
        var before = 0;
        foreach (var tenant in tenants.Take(2))
        {
            before += await RunPerTenantAsync(tenant, slot);
        }

        before.ShouldBe(4); // two LAOs, each the newest manual and an earlier year it answered

        var resumed = await RunNightAsync(slot);
        var again = await RunNightAsync(slot);

        again.ShouldBe(0);
        foreach (var tenant in tenants)
        {
            var runs = (await ReadAsync(tenant, db => db.ComplianceRuns.Where(r => r.Slot == slot).ToListAsync())).ToList();
            runs.Count.ShouldBe(2, tenant.Slug);
            runs.GroupBy(r => r.ManualVersionId).ShouldAllBe(g => g.Count() == 1);
            (await ReadAsync(tenant, db => db.ComplianceResults.CountAsync(r => runs.Select(x => x.Id).Contains(r.RunId)))).ShouldBeGreaterThan(0);
        }

        resumed.ShouldBeGreaterThanOrEqualTo(4); // the second half (and any LAO another test of this class made)
    }

    private async Task<(IReadOnlyList<int> Years, ManualVersionView Newest)> ManualsAsync()
    {
        await using var scope = factory.Scope();
        var catalogues = scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>();
        var years = await catalogues.PublishedYearsAsync();
        years.Count.ShouldBeGreaterThan(1, "the test needs an earlier published year beside the newest");
        return (years, (await catalogues.PublishedAsync(years[0]))!);
    }

    /// <summary>
    /// Inputs that exercise every rule: answers yes and no, missing items, links fine, broken, unreachable, of the wrong
    /// year or never checked, measures complete, incomplete and late, an earlier year answered, and both LAO types.
    /// </summary>
    private async Task ArrangeAsync(TestTenant tenant, int profile, ManualVersionView newest, IReadOnlyList<int> years)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == tenant.Id);
        organisation.Type = profile % 2 == 0 ? OrganisationType.SubdistrictAdministrativeOrganisation : OrganisationType.SubdistrictMunicipality;
        await db.SaveChangesAsync();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            var items = newest.Catalogue.AllItems().ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var roll = (i * 7 + profile * 3) % 10;
                if (roll == 0)
                {
                    continue; // not answered
                }

                var url = $"https://lao.example/{newest.Year}/{items[i].Code}/{roll}";
                db.ItemDisclosures.Add(new ItemDisclosure
                {
                    AssessmentYear = newest.Year, ItemCode = items[i].Code, Answer = roll == 1 ? DisclosureAnswer.No : DisclosureAnswer.Yes,
                    Urls = roll == 2 ? [] : [url], Explanation = "คำอธิบาย",
                });
                if (roll != 3)
                {
                    db.LinkChecks.Add(new LinkCheck
                    {
                        Url = url, Outcome = roll switch { 4 => LinkOutcome.Broken, 5 => LinkOutcome.Unreachable, _ => LinkOutcome.Ok }, StatusCode = roll == 4 ? 404 : 200,
                        ContentType = "text/html", IsText = true, YearsMentioned = roll == 6 ? [newest.Year - 3] : [newest.Year, newest.Year - 1],
                        CheckedAt = factory.Clock.GetUtcNow(),
                    });
                }
            }

            db.ItemDisclosures.Add(new ItemDisclosure
            {
                AssessmentYear = years[1], ItemCode = "O1", Answer = DisclosureAnswer.Yes, Urls = [$"https://lao.example/{years[1]}/o1"], Explanation = "ปีก่อน",
            });
            var measureItems = items.Where(i => i.Kind != ItaItemKind.Disclosure).Select(i => $"{newest.Year}/{i.Code}").ToList();
            var unit = await db.OrgUnits.FirstAsync();
            for (var m = 1; m <= 3; m++)
            {
                db.Measures.Add(new Measure
                {
                    FiscalYear = newest.Year, Number = m, Title = $"มาตรการที่ {m}", AnalysisBasis = m == 1 ? AnalysisBasis.UrgentWeakness : AnalysisBasis.IssueToImprove,
                    Steps = m == 2 && profile > 1 ? [" "] : ["ขั้นตอนที่ 1"], ResponsibleUnits = m == 3 && profile == 3 ? [] : [unit], Monitoring = "รายงานทุกไตรมาส",
                    PeriodFrom = new DateOnly(2025, 10, 1), PeriodTo = new DateOnly(2026, m == 3 ? 3 : 9, 30),
                    Status = m == 3 ? MeasureStatus.InProgress : MeasureStatus.Completed, ResultPoints = ["ดำเนินการแล้ว"], Outcome = m == 2 ? null : "บรรลุเป้าหมาย",
                    ItaItems = measureItems,
                });
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>A night's worth of change: the broken links repaired and every measure's outcome written.</summary>
    private async Task ChangeAsync(TestTenant tenant)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            foreach (var link in await db.LinkChecks.Where(l => l.Outcome == LinkOutcome.Broken).ToListAsync())
            {
                link.Outcome = LinkOutcome.Ok;
                link.StatusCode = 200;
            }

            foreach (var measure in await db.Measures.Where(m => m.Outcome == null).ToListAsync())
            {
                measure.Outcome = "บรรลุเป้าหมายแล้ว";
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>The per-tenant twins first (as "check now" would), then the national night, which skips them (already recorded).</summary>
    private async Task NightAsync(List<Twin> twins, string slot)
    {
        foreach (var twin in twins)
        {
            (await RunPerTenantAsync(twin.PerTenant, slot)).ShouldBe(2);
        }

        (await RunNightAsync(slot)).ShouldBeGreaterThanOrEqualTo(twins.Count * 2);
        foreach (var twin in twins)
        {
            (await ReadAsync(twin.PerTenant, db => db.ComplianceRuns.CountAsync(r => r.Slot == slot))).ShouldBe(2, "the night must skip what the slot already holds");
        }
    }

    private async Task<List<ResultFields>> CompareAsync(List<Twin> twins, string slot)
    {
        var all = new List<ResultFields>();
        foreach (var twin in twins)
        {
            var expected = await RecordedAsync(twin.PerTenant, slot);
            var actual = await RecordedAsync(twin.Night, slot);
            Same(actual.Runs, expected.Runs);
            Same(actual.Results, expected.Results);
            Same(actual.Standings, expected.Standings);
            all.AddRange(actual.Results);
        }

        return all;
    }

    /// <summary>Equal lists, or the first pair that differs (the whole lists are too long to read in a failure).</summary>
    private static void Same<T>(List<T> actual, List<T> expected)
    {
        for (var i = 0; i < Math.Min(actual.Count, expected.Count); i++)
        {
            actual[i].ShouldBe(expected[i], $"row {i}");
        }

        actual.Count.ShouldBe(expected.Count);
    }

    private sealed record RunFields(
        int Year, Guid ManualVersionId, int ManualVersionNumber, string Slot, ComplianceRunKind Kind, ComplianceRunState State, DateTimeOffset QueuedAt,
        DateTimeOffset? FinishedAt, decimal Score, bool Passes, string? Rating, int Applicable, int Passed, int Warnings, int Failed, string? Error);

    private sealed record ResultFields(int Year, string ItemCode, ComplianceStatus Status, string[] Reasons, DateTimeOffset CheckedAt)
    {
        public bool Equals(ResultFields? other) =>
            other is not null && (Year, ItemCode, Status, CheckedAt) == (other.Year, other.ItemCode, other.Status, other.CheckedAt) && Reasons.SequenceEqual(other.Reasons);

        public override int GetHashCode() => HashCode.Combine(Year, ItemCode, Status);

        public override string ToString() => $"{Year}/{ItemCode} {Status} [{string.Join(" | ", Reasons)}] {CheckedAt:O}";
    }

    private sealed record StandingFields(
        int Year, bool PointsAtTheSlotsRun, string ProvinceCode, string DistrictCode, OrganisationType Type, int ManualVersionNumber, DateTimeOffset CheckedAt,
        decimal Score, bool Passes, string? Rating, int Applicable, int Passed, int Warnings, int Failed, string FailingItems, string WarningItems,
        int MeasuresCompleted, int MeasuresInProgress, int MeasuresLate, DateTimeOffset? LastActivityAt);

    private async Task<(List<RunFields> Runs, List<ResultFields> Results, List<StandingFields> Standings)> RecordedAsync(TestTenant tenant, string slot)
    {
        var runs = await ReadAsync(tenant, db => db.ComplianceRuns.Where(r => r.Slot == slot).Include(r => r.Results).OrderBy(r => r.AssessmentYear).ToListAsync());
        await using var scope = factory.Scope();
        // The read model is not tenant-owned: read directly by the LAO's id, as the dashboards do.
        var standings = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LaoStandings.AsNoTracking()
            .Where(s => s.OrganisationId == tenant.Id).OrderBy(s => s.AssessmentYear).ToListAsync();
        runs.Count.ShouldBe(2);
        return (
            runs.Select(r => new RunFields(r.AssessmentYear, r.ManualVersionId, r.ManualVersionNumber, r.Slot, r.Kind, r.State, r.QueuedAt, r.FinishedAt, r.Score, r.Passes,
                r.Rating, r.Applicable, r.Passed, r.Warnings, r.Failed, r.Error)).ToList(),
            runs.SelectMany(r => r.Results).Select(x => new ResultFields(x.AssessmentYear, x.ItemCode, x.Status, [.. x.Reasons], x.CheckedAt))
                .OrderBy(x => x.Year).ThenBy(x => x.ItemCode, StringComparer.Ordinal).ToList(),
            standings.Select(s => new StandingFields(s.AssessmentYear, runs.Any(r => r.Id == s.RunId), s.ProvinceCode, s.DistrictCode, s.Type, s.ManualVersionNumber, s.CheckedAt,
                s.Score, s.Passes, s.Rating, s.Applicable, s.Passed, s.Warnings, s.Failed, s.FailingItems, s.WarningItems, s.MeasuresCompleted, s.MeasuresInProgress,
                s.MeasuresLate, s.LastActivityAt)).ToList());
    }

    private async Task<int> RunPerTenantAsync(TestTenant tenant, string slot)
    {
        await using var scope = factory.Scope();
        var organisation = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Organisations.AsNoTracking().SingleAsync(o => o.Id == tenant.Id);
        return await scope.ServiceProvider.GetRequiredService<ComplianceRunner>().RunTenantAsync(organisation, slot, ComplianceRunKind.Nightly);
    }

    private async Task<int> RunNightAsync(string slot)
    {
        await using var scope = factory.Scope();
        return (await scope.ServiceProvider.GetRequiredService<CrossTenantNightlyRun>().RunAsync(slot, ComplianceRunKind.Nightly)).Recorded;
    }

    private async Task<T> ReadAsync<T>(TestTenant tenant, Func<PlatformDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            return await read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
        }
    }
}
