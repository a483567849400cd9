using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Infrastructure.Dashboards;

/// <summary>One LAO of a province: a registry entry, onboarded or not, with its standing when it has been checked.</summary>
public sealed record LaoRow(
    string? DlaCode, Guid? OrganisationId, string? Slug, string Name, OrganisationType Type, string DistrictCode, string DistrictName,
    Readiness Readiness, string? RiskReason, LaoStanding? Standing)
{
    public bool IsOnboarded => OrganisationId is not null;
    public bool NeedsChasing => RiskRule.NeedsChasing(Readiness);
    public IReadOnlyList<string> FailingItems => Standing?.FailingItemCodes ?? [];
    public IReadOnlyList<string> WarningItems => Standing?.WarningItemCodes ?? [];
}

/// <summary>A province's (or the nation's) figures for one assessment year.</summary>
public sealed record AreaSummary(
    string Code, string NameTh, string NameEn, int Registered, int Onboarded, int Checked, decimal? AverageScore, int AtPassMark, int AtRisk, int NotStarted)
{
    /// <summary>Share of the checked LAOs projected at 85 or more, in percent.</summary>
    public decimal? PassShare => Checked == 0 ? null : Math.Round(100m * AtPassMark / Checked, 1);

    /// <summary>At risk or not started: the LAOs to chase.</summary>
    public int ToChase => AtRisk + NotStarted;
}

/// <summary>How often one ITA item fails among the checked LAOs of an area.</summary>
public sealed record ItemFailure(string Code, string Title, int Failing, int Warning, int Checked)
{
    public decimal FailShare => Checked == 0 ? 0 : Math.Round(100m * Failing / Checked, 1);
}

public sealed record DistrictGroup(string Code, string NameTh, IReadOnlyList<LaoRow> Laos)
{
    public int Checked => Laos.Count(l => l.Standing is not null);
    public decimal? AverageScore => Checked == 0 ? null : Math.Round(Laos.Where(l => l.Standing is not null).Average(l => l.Standing!.Score), 2);
    public int ToChase => Laos.Count(l => l.NeedsChasing);
}

public sealed record ProvinceDashboard(
    int Year, IReadOnlyList<int> Years, AreaSummary Summary, int? NationalRank, int RankedProvinces, IReadOnlyList<LaoRow> Laos,
    IReadOnlyList<ItaItem> Items, IReadOnlyList<ItemFailure> ItemFailures, ItaDeadline NextMilestone, int DaysToNextMilestone)
{
    public IReadOnlyList<DistrictGroup> Districts => Laos.GroupBy(l => (l.DistrictCode, l.DistrictName))
        .OrderBy(g => g.Key.DistrictCode, StringComparer.Ordinal)
        .Select(g => new DistrictGroup(g.Key.DistrictCode, g.Key.DistrictName, g.ToList())).ToList();
}

public sealed record RankedProvince(int? Rank, AreaSummary Summary);

public sealed record NationalDashboard(
    int Year, IReadOnlyList<int> Years, AreaSummary Nation, IReadOnlyList<RankedProvince> Provinces, IReadOnlyList<ItemFailure> ItemFailures,
    ItaDeadline NextMilestone, int DaysToNextMilestone);

public sealed record TrendPoint(DateOnly Day, int Checked, decimal AverageScore, int AtPassMark, int AtRisk);

/// <summary>One area's figures over a season, beside the previous year's at the same days of its own season.</summary>
public sealed record Trend(string Code, string NameTh, int Year, IReadOnlyList<TrendPoint> ThisYear, IReadOnlyList<TrendPoint> LastYear);

/// <summary>An LAO's place among the LAOs of its type in its province; no other LAO's details.</summary>
public sealed record OwnStanding(int Year, decimal Score, string? Rating, int Rank, int Of, decimal ProvinceTypeAverage, OrganisationType Type, string ProvinceNameTh);
