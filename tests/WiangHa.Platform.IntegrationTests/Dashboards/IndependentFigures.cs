using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Dashboards;

/// <summary>
/// The dashboards' figures computed the test's own way, straight from the rows the LAOs and the runs wrote (every
/// tenant's, filters stepped over in test code), never from the read model: the latest completed run per LAO and year,
/// its verdicts rebuilt from the results stored when a verdict changed, the LAO's measures for late ones.
/// </summary>
public sealed class IndependentFigures
{
    private static readonly StringComparer Thai = StringComparer.Create(CultureInfo.GetCultureInfo("th-TH"), ignoreCase: false);

    public sealed record Lao(Organisation Organisation, ComplianceRun? Run, IReadOnlyDictionary<string, ComplianceStatus> Verdicts, int Done, int InProgress, int Late,
        DateTimeOffset? LastActivity)
    {
        public bool IsChecked => Run is not null;
        public bool AtRisk => Run is { } run && (!run.Passes || Late > 0);
        public IReadOnlyList<string> Failing => [.. Verdicts.Where(v => v.Value == ComplianceStatus.Fail).Select(v => v.Key).Order(StringComparer.Ordinal)];

        public string Readiness => Run is null ? "NotStarted" : AtRisk ? "AtRisk" : "Ready";
    }

    public sealed record Province(string Code, string NameTh, int Registered, int Onboarded, int Checked, decimal? Average, int AtPassMark, int AtRisk, int NotStarted)
    {
        public int? Rank { get; set; }
        public decimal? PassShare => Checked == 0 ? null : Math.Round(100m * AtPassMark / Checked, 1);
    }

    public required IReadOnlyDictionary<Guid, Lao> Laos { get; init; }
    public required IReadOnlyDictionary<string, Province> Provinces { get; init; }

    public IEnumerable<Lao> In(string provinceCode) => Laos.Values.Where(l => l.Organisation.ProvinceCode == provinceCode);

    /// <summary>How many checked LAOs (of the province, or of the nation) fail each item.</summary>
    public Dictionary<string, int> FailingCounts(string? provinceCode = null) =>
        Laos.Values.Where(l => l.IsChecked && (provinceCode is null || l.Organisation.ProvinceCode == provinceCode))
            .SelectMany(l => l.Failing).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

    public static async Task<IndependentFigures> ComputeAsync(PlatformFactory factory, int year)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(factory.Clock.GetUtcNow()).DateTime);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Active).ToListAsync();
        var registry = await db.RegisteredLaos.AsNoTracking().Select(r => new { r.DlaCode, r.ProvinceCode }).ToListAsync();
        var runs = await db.ComplianceRuns.IgnoreQueryFilters().AsNoTracking().Where(r => r.AssessmentYear == year && r.State == ComplianceRunState.Completed).ToListAsync();
        var results = await db.ComplianceResults.IgnoreQueryFilters().AsNoTracking().Where(r => r.AssessmentYear == year).ToListAsync();
        var measures = await db.Measures.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        var disclosures = await db.ItemDisclosures.IgnoreQueryFilters().AsNoTracking().Where(d => d.AssessmentYear == year).ToListAsync();
        var versionOfRun = runs.ToDictionary(r => r.Id, r => r.ManualVersionId);

        var laos = new Dictionary<Guid, Lao>();
        foreach (var organisation in organisations)
        {
            var latest = runs.Where(r => r.TenantId == organisation.Id).MaxBy(r => r.FinishedAt);
            var verdicts = latest is null
                ? new Dictionary<string, ComplianceStatus>()
                : results.Where(r => r.TenantId == organisation.Id && versionOfRun.GetValueOrDefault(r.RunId) == latest.ManualVersionId && r.CheckedAt <= latest.FinishedAt)
                    .GroupBy(r => r.ItemCode).ToDictionary(g => g.Key, g => g.MaxBy(r => r.CheckedAt)!.Status);
            var serving = measures.Where(m => m.TenantId == organisation.Id && m.ItaItems.Any(i => i.StartsWith($"{year}/", StringComparison.Ordinal))).ToList();
            // Late: the last month of the period is over and the measure is neither done nor cancelled.
            var late = serving.Count(m => m.Status is MeasureStatus.Planned or MeasureStatus.InProgress && m.PeriodTo.AddMonths(1) <= today);
            var activity = serving.Select(m => (DateTimeOffset?)m.UpdatedAt)
                .Concat(disclosures.Where(d => d.TenantId == organisation.Id).Select(d => (DateTimeOffset?)d.UpdatedAt)).Max();
            laos[organisation.Id] = new Lao(organisation, latest, verdicts, serving.Count(m => m.Status == MeasureStatus.Completed),
                serving.Count(m => m.Status is MeasureStatus.Planned or MeasureStatus.InProgress) - late, late, activity);
        }

        var registered = registry.Select(r => r.DlaCode).ToHashSet(StringComparer.Ordinal);
        var provinces = new Dictionary<string, Province>(StringComparer.Ordinal);
        foreach (var province in await db.Provinces.AsNoTracking().ToListAsync())
        {
            var inProvince = laos.Values.Where(l => l.Organisation.ProvinceCode == province.Code).ToList();
            var registryCount = registry.Count(r => r.ProvinceCode == province.Code) + inProvince.Count(l => l.Organisation.DlaCode is not { } code || !registered.Contains(code));
            if (registryCount == 0)
            {
                continue;
            }

            var checkedLaos = inProvince.Where(l => l.IsChecked).ToList();
            provinces[province.Code] = new Province(province.Code, province.NameTh, registryCount, inProvince.Count, checkedLaos.Count,
                checkedLaos.Count == 0 ? null : Math.Round(checkedLaos.Average(l => l.Run!.Score), 2), checkedLaos.Count(l => l.Run!.Passes),
                checkedLaos.Count(l => l.AtRisk), inProvince.Count - checkedLaos.Count);
        }

        var rank = 0;
        foreach (var province in provinces.Values.Where(p => p.Checked > 0).OrderByDescending(p => p.Average).ThenByDescending(p => p.PassShare).ThenBy(p => p.NameTh, Thai))
        {
            province.Rank = ++rank;
        }

        return new IndependentFigures { Laos = laos, Provinces = provinces };
    }
}
