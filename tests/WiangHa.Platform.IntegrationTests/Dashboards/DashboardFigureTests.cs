using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.Web.Compliance;
using WiangHa.Platform.Web.Dashboards;

namespace WiangHa.Platform.IntegrationTests.Dashboards;

/// <summary>
/// Every figure the dashboards' API and files give equals the test's own computation from the runs (see
/// <see cref="IndependentFigures"/>), on LAOs in every state checked by the real nightly job; and a night in which
/// nothing changed stores no item results while its run still shows every verdict.
/// </summary>
public sealed class DashboardFigureTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private const int Year = DashboardTestData.Year;
    private readonly DashboardTestData _data = new(factory);

    [Fact]
    public async Task Every_province_and_LAO_figure_equals_an_independent_computation_from_the_runs()
    {
        var s = await DashboardScenario.SeedAsync(factory, home: "83", other: "85");
        var expected = await IndependentFigures.ComputeAsync(factory, Year);
        var national = await _data.SupervisorAsync(PlatformRoles.NationalSupervisor);

        // The scenario is what it claims to be: varied scores, every readiness.
        var byId = expected.Laos;
        byId[s.Ready.Id].Run!.Score.ShouldBe(87.50m);
        byId[s.PassingButLate.Id].Run!.Score.ShouldBe(87.50m);
        byId[s.PassingButLate.Id].Late.ShouldBe(1);
        byId[s.Low.Id].Run!.Score.ShouldBe(37.50m);
        byId[s.Nothing.Id].Run!.Score.ShouldBe(0m);
        byId[s.FormulaNamed.Id].Run!.Score.ShouldBe(25.00m);
        byId[s.OtherBelow.Id].Run!.Score.ShouldBe(75.00m);
        byId[s.NotStarted.Id].IsChecked.ShouldBeFalse();
        var home = expected.Provinces["83"];
        (home.Registered, home.Onboarded, home.Checked, home.AtPassMark, home.AtRisk, home.NotStarted).ShouldBe((20, 6, 5, 2, 4, 1));

        // Provinces: every figure and rank of all of them.
        var list = await DashboardTestData.GetJsonAsync<ProvinceListView>(national.Http, $"/api/v1/dashboards/provinces?year={Year}");
        list.Year.ShouldBe(Year);
        list.Provinces.Count.ShouldBe(expected.Provinces.Count);
        list.Provinces.Count.ShouldBe(76);
        list.RankedProvinces.ShouldBe(expected.Provinces.Values.Count(p => p.Rank is not null));
        foreach (var p in list.Provinces)
        {
            ShouldMatch(p, expected.Provinces[p.Code]);
        }

        // One province: every LAO of it, each figure, and how often each item fails there.
        var province = await DashboardTestData.GetJsonAsync<ProvinceView>(national.Http, $"/api/v1/dashboards/provinces/83?year={Year}");
        ShouldMatch(province.Province, home);
        province.Laos.Count.ShouldBe(home.Registered);
        province.Laos.Count(l => l.Readiness == Domain.Dashboards.Readiness.NotOnboarded).ShouldBe(home.Registered - home.Onboarded);
        foreach (var lao in expected.In("83"))
        {
            var row = province.Laos.Single(r => r.Slug == lao.Organisation.Slug);
            ShouldMatch(row, lao);
        }

        var failing = expected.FailingCounts("83");
        failing.ShouldNotBeEmpty();
        foreach (var item in province.ItemFailures)
        {
            (item.Code, item.Failing, item.Checked).ShouldBe((item.Code, failing.GetValueOrDefault(item.Code), home.Checked));
        }

        province.ItemFailures.Select(i => i.Code).ShouldBe(["O19", "O20", "O21", "O22", "O23", "O24", "O25", "O26"], ignoreOrder: true);
        province.ItemFailures.Single(i => i.Code == "O25").Failing.ShouldBe(5); // no LAO has a measures item

        // The nation: sums over every checked LAO, not averages of averages.
        var nation = await DashboardTestData.GetJsonAsync<NationalView>(national.Http, $"/api/v1/dashboards/national?year={Year}");
        var checkedLaos = expected.Laos.Values.Where(l => l.IsChecked).ToList();
        nation.Nation.Checked.ShouldBe(checkedLaos.Count);
        nation.Nation.AverageScore.ShouldBe(Math.Round(checkedLaos.Sum(l => l.Run!.Score) / checkedLaos.Count, 2));
        nation.Nation.AtPassMark.ShouldBe(checkedLaos.Count(l => l.Run!.Passes));
        nation.Nation.AtRisk.ShouldBe(checkedLaos.Count(l => l.AtRisk));
        nation.Nation.Registered.ShouldBe(expected.Provinces.Values.Sum(p => p.Registered));
        nation.Provinces.Select(p => (p.Code, p.Rank)).ShouldBe(list.Provinces.Select(p => (p.Code, p.Rank)));
        var nationalFailing = expected.FailingCounts();
        nation.ItemFailures.ShouldAllBe(i => i.Failing == nationalFailing.GetValueOrDefault(i.Code));

        // The national file ranks as the computation does.
        var csv = await national.Http.GetAsync($"/dashboards/national.csv?year={Year}");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var records = DashboardTestData.ParseCsv(Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync())[1..]);
        records.Count.ShouldBe(1 + expected.Provinces.Count);
        foreach (var record in records.Skip(1))
        {
            var p = expected.Provinces[record[1]];
            (record[0], record[2], record[5], record[6]).ShouldBe((p.Rank?.ToString() ?? "", p.NameTh, p.Checked.ToString(), p.Average?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }
    }

    [Fact]
    public async Task The_trend_holds_the_nights_figures_of_the_province()
    {
        var s = await DashboardScenario.SeedAsync(factory, home: "75", other: "74");
        var expected = (await IndependentFigures.ComputeAsync(factory, Year)).Provinces["75"];
        var supervisor = await _data.SupervisorAsync(PlatformRoles.ProvincialSupervisor, "75");

        var trend = await DashboardTestData.GetJsonAsync<WiangHa.Platform.Infrastructure.Dashboards.Trend>(supervisor.Http, $"/api/v1/dashboards/provinces/75/trend?year={Year}");

        trend.Code.ShouldBe("75");
        var point = trend.ThisYear.ShouldHaveSingleItem();
        point.Day.ShouldBe(s.Night);
        // Taken at the night, before the last LAO was onboarded: it was not yet waiting to start.
        (point.Checked, point.AverageScore, point.AtPassMark, point.AtRisk).ShouldBe((expected.Checked, expected.Average!.Value, expected.AtPassMark, expected.AtRisk));
        trend.LastYear.ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_nights_without_a_change_store_the_results_once_and_the_second_run_still_lists_every_verdict()
    {
        var lao = await _data.OnboardAsync("2910101"); // อบจ.สตูล
        await _data.DiscloseAsync(lao, "O19", "O20", "O21");
        var night = new DateOnly(2026, 11, 20);
        (await _data.RunNightForAsync(lao, night)).ShouldBe(1);
        (await _data.RunNightForAsync(lao, night.AddDays(1))).ShouldBe(1);

        var (runs, results) = await HistoryOfAsync(lao);
        runs.Count.ShouldBe(2);
        results.Count.ShouldBe(8);
        results.ShouldAllBe(r => r.RunId == runs[0].Id);

        var supervisor = await _data.SupervisorAsync(PlatformRoles.ProvincialSupervisor, "91");
        var first = await DashboardTestData.GetJsonAsync<RunView>(supervisor.Http, $"/api/v1/t/{lao.Slug}/compliance/runs/{runs[0].Id}");
        var second = await DashboardTestData.GetJsonAsync<RunView>(supervisor.Http, $"/api/v1/t/{lao.Slug}/compliance/runs/{runs[1].Id}");
        second.Results.Count.ShouldBe(8);
        second.Results.Select(r => (r.ItemCode, r.Status)).ShouldBe(first.Results.Select(r => (r.ItemCode, r.Status)));
        second.Results.Count(r => r.Status == ComplianceStatus.Pass).ShouldBe(3);
        (second.Score, second.Passed, second.Applicable).ShouldBe((37.50m, 3, 8));

        // A third night after one change stores that one item only; its run shows the change among the old verdicts.
        await _data.DiscloseAsync(lao, "O22");
        (await _data.RunNightForAsync(lao, night.AddDays(2))).ShouldBe(1);
        (runs, results) = await HistoryOfAsync(lao);
        results.Where(r => r.RunId == runs[2].Id).Select(r => r.ItemCode).ShouldBe(["O22"]);
        var third = await DashboardTestData.GetJsonAsync<RunView>(supervisor.Http, $"/api/v1/t/{lao.Slug}/compliance/runs/{runs[2].Id}");
        third.Results.Count.ShouldBe(8);
        third.Results.Count(r => r.Status == ComplianceStatus.Pass).ShouldBe(4);
        third.Score.ShouldBe(50.00m);
    }

    private async Task<(List<ComplianceRun> Runs, List<ComplianceResult> Results)> HistoryOfAsync(TestLao lao)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(lao.Info))
        {
            return (await db.ComplianceRuns.AsNoTracking().OrderBy(r => r.FinishedAt).ToListAsync(), await db.ComplianceResults.AsNoTracking().ToListAsync());
        }
    }

    private static void ShouldMatch(ProvinceFigures actual, IndependentFigures.Province expected)
    {
        var because = $"province {expected.Code}";
        (actual.Code, actual.NameTh).ShouldBe((expected.Code, expected.NameTh), because);
        (actual.Registered, actual.Onboarded, actual.Checked).ShouldBe((expected.Registered, expected.Onboarded, expected.Checked), because);
        (actual.AverageScore, actual.AtPassMark, actual.PassShare).ShouldBe((expected.Average, expected.AtPassMark, expected.PassShare), because);
        (actual.AtRisk, actual.NotStarted, actual.Rank).ShouldBe((expected.AtRisk, expected.NotStarted, expected.Rank), because);
    }

    private static void ShouldMatch(LaoFigures actual, IndependentFigures.Lao expected)
    {
        var because = $"LAO {expected.Organisation.NameTh}";
        (actual.DlaCode, actual.Name, actual.Type, actual.DistrictCode).ShouldBe(
            (expected.Organisation.DlaCode, expected.Organisation.NameTh, expected.Organisation.Type, expected.Organisation.DistrictCode), because);
        actual.Readiness.ToString().ShouldBe(expected.Readiness, because);
        var run = expected.Run;
        (actual.Score, actual.Rating, actual.Passes, actual.CheckedAt).ShouldBe((run?.Score, run?.Rating, run?.Passes, run?.FinishedAt), because);
        (actual.ItemsPassing, actual.ItemsApplicable).ShouldBe((run is null ? null : run.Passed + run.Warnings, run?.Applicable), because);
        actual.FailingItems.Order(StringComparer.Ordinal).ToList().ShouldBe(expected.Failing.ToList(), because);
        if (run is null)
        {
            (actual.MeasuresDone, actual.MeasuresInProgress, actual.MeasuresLate, actual.LastActivityAt).ShouldBe((null, null, null, null), because);
        }
        else
        {
            (actual.MeasuresDone, actual.MeasuresInProgress, actual.MeasuresLate).ShouldBe((expected.Done, expected.InProgress, expected.Late), because);
            actual.LastActivityAt.ShouldBe(expected.LastActivity, because);
        }

        (actual.RiskReason is null).ShouldBe(expected.Readiness == "Ready", because);
    }
}
