using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Dashboards;

/// <summary>
/// Two provinces with LAOs in every state, checked by one night of the real nightly job. In <see cref="Home"/>: one
/// ready (87.50), one projected to pass with a late measure (at risk), one at 37.50, one with nothing disclosed (0),
/// one onboarded by hand under a formula-like name (25.00), one onboarded after the night (not started); the rest
/// of the registry not onboarded. In <see cref="Other"/>: one at 87.50 and one at 75.00.
/// </summary>
public sealed record DashboardScenario(
    string Home, string Other, DateOnly Night, TestLao Ready, TestLao PassingButLate, TestLao Low, TestLao Nothing, TestLao FormulaNamed, TestLao NotStarted,
    TestLao OtherPassing, TestLao OtherBelow)
{
    /// <summary>A name a spreadsheet would run as a formula if it were written as it is.</summary>
    public const string FormulaName = "=HYPERLINK(\"https://evil.example/x\",\"คลิก\")";

    /// <summary>The day of the scenario's night: the pinned clock's Bangkok date (its 02:00 run is already over at 10:00).</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.PinnedAt.ToOffset(TimeSpan.FromHours(7)).DateTime);

    public IReadOnlyList<TestLao> HomeLaos => [Ready, PassingButLate, Low, Nothing, FormulaNamed, NotStarted];

    public static async Task<DashboardScenario> SeedAsync(PlatformFactory factory, string home, string other)
    {
        var data = new DashboardTestData(factory);
        List<(string DlaCode, string DistrictCode)> homeRegistry, otherRegistry;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            homeRegistry = (await db.RegisteredLaos.AsNoTracking().Where(r => r.ProvinceCode == home).OrderBy(r => r.DlaCode).Select(r => new { r.DlaCode, r.DistrictCode })
                .ToListAsync()).Select(r => (r.DlaCode, r.DistrictCode)).ToList();
            otherRegistry = (await db.RegisteredLaos.AsNoTracking().Where(r => r.ProvinceCode == other).OrderBy(r => r.DlaCode).Select(r => new { r.DlaCode, r.DistrictCode })
                .ToListAsync()).Select(r => (r.DlaCode, r.DistrictCode)).ToList();
        }

        var ready = await data.OnboardAsync(homeRegistry[0].DlaCode);
        await data.DiscloseAsync(ready, [.. DashboardTestData.DisclosureItems, "O26"]);
        await data.AddReportedMeasureAsync(ready, MeasureStatus.Completed, new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 1));

        var late = await data.OnboardAsync(homeRegistry[1].DlaCode);
        await data.DiscloseAsync(late, [.. DashboardTestData.DisclosureItems, "O26"]);
        await data.AddReportedMeasureAsync(late, MeasureStatus.InProgress, new DateOnly(2024, 10, 1), new DateOnly(2025, 9, 1));
        await data.AddReportedMeasureAsync(late, MeasureStatus.Completed, new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 1));

        var low = await data.OnboardAsync(homeRegistry[2].DlaCode);
        await data.DiscloseAsync(low, "O19", "O20", "O21");
        await data.AddReportedMeasureAsync(low, MeasureStatus.Planned, new DateOnly(2026, 11, 1), new DateOnly(2027, 6, 1));

        var nothing = await data.OnboardAsync(homeRegistry[3].DlaCode);

        var formula = await data.OnboardUnregisteredAsync(home, homeRegistry[0].DistrictCode, FormulaName);
        await data.DiscloseAsync(formula, "O19", "O20");

        var otherPassing = await data.OnboardAsync(otherRegistry[0].DlaCode);
        await data.DiscloseAsync(otherPassing, [.. DashboardTestData.DisclosureItems, "O26"]);
        await data.AddReportedMeasureAsync(otherPassing, MeasureStatus.Completed, new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 1));

        var otherBelow = await data.OnboardAsync(otherRegistry[1].DlaCode);
        await data.DiscloseAsync(otherBelow, DashboardTestData.DisclosureItems);

        (await data.RunNightAsync(Today)).ShouldBeGreaterThanOrEqualTo(7);
        var notStarted = await data.OnboardAsync(homeRegistry[4].DlaCode);
        return new DashboardScenario(home, other, Today, ready, late, low, nothing, formula, notStarted, otherPassing, otherBelow);
    }
}
