using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Dashboards;

/// <summary>
/// The supervisors' figures, read from the registry and the <see cref="LaoStanding"/> read model: never from tenant
/// tables, never with a filter switched off. Every method takes the caller's <see cref="SupervisorScope"/>; a province
/// outside it reads as not found (null), exactly like a province that does not exist.
/// </summary>
public sealed class DashboardQueries(PlatformDbContext db, ItaCatalogueQueries catalogues, MilestoneCalendar calendar, TimeProvider clock)
{
    /// <summary>Thai dictionary order for names (ก before ข, vowels ignored first), as a Thai reader expects.</summary>
    public static readonly StringComparer ThaiOrder = StringComparer.Create(CultureInfo.GetCultureInfo("th-TH"), ignoreCase: false);

    /// <summary>The years a dashboard can show (published manuals, newest first) and the one to show by default.</summary>
    public async Task<(IReadOnlyList<int> Years, int? Default)> YearsAsync(CancellationToken cancellationToken = default)
    {
        var years = await catalogues.PublishedYearsAsync(cancellationToken);
        var checkedYears = await db.LaoStandings.Select(s => s.AssessmentYear).Distinct().ToListAsync(cancellationToken);
        int? preferred = years.FirstOrDefault(checkedYears.Contains) is var y && y != 0 ? y : years.Count > 0 ? years[0] : null;
        return (years, preferred);
    }

    public async Task<ProvinceDashboard?> ProvinceAsync(SupervisorScope scope, string provinceCode, int? year, CancellationToken cancellationToken = default)
    {
        if (!scope.Allows(provinceCode) || await db.Provinces.AsNoTracking().SingleOrDefaultAsync(p => p.Code == provinceCode, cancellationToken) is not { } province)
        {
            return null;
        }

        var (years, preferred) = await YearsAsync(cancellationToken);
        var shown = year is { } asked && years.Contains(asked) ? asked : preferred ?? 0;
        var districts = await db.Districts.AsNoTracking().Where(d => d.ProvinceCode == provinceCode).ToDictionaryAsync(d => d.Code, d => d.NameTh, cancellationToken);
        var registry = await db.RegisteredLaos.AsNoTracking().Where(r => r.ProvinceCode == provinceCode).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.ProvinceCode == provinceCode && o.Status == OrganisationStatus.Active)
            .Select(o => new { o.Id, o.Slug, o.NameTh, o.Type, o.DistrictCode, o.DlaCode }).ToListAsync(cancellationToken);
        var standings = await db.LaoStandings.AsNoTracking().Where(s => s.AssessmentYear == shown && s.ProvinceCode == provinceCode)
            .ToDictionaryAsync(s => s.OrganisationId, cancellationToken);

        var projected = (await catalogues.PublishedAsync(shown, cancellationToken))?.Catalogue.IsComplete() != false;
        var byCode = organisations.Where(o => o.DlaCode is not null).ToDictionary(o => o.DlaCode!, StringComparer.Ordinal);
        var rows = new List<LaoRow>(registry.Count + 8);
        foreach (var entry in registry)
        {
            var organisation = byCode.GetValueOrDefault(entry.DlaCode);
            var standing = organisation is null ? null : standings.GetValueOrDefault(organisation.Id);
            rows.Add(Row(entry.DlaCode, organisation?.Id, organisation?.Slug, organisation?.NameTh ?? entry.FullName, entry.Type, entry.DistrictCode, districts, standing, projected));
        }

        // LAOs onboarded without a registry entry still count (hand-made tenants, or the registry lagging a merger).
        foreach (var organisation in organisations.Where(o => o.DlaCode is null || !registry.Any(r => r.DlaCode == o.DlaCode)))
        {
            rows.Add(Row(organisation.DlaCode, organisation.Id, organisation.Slug, organisation.NameTh, organisation.Type, organisation.DistrictCode, districts,
                standings.GetValueOrDefault(organisation.Id), projected));
        }

        rows.Sort((a, b) => string.CompareOrdinal(a.DistrictCode, b.DistrictCode) is var d && d != 0 ? d : ThaiOrder.Compare(a.Name, b.Name));
        var items = (await catalogues.PublishedAsync(shown, cancellationToken))?.Catalogue.AllItems().ToList() ?? [];
        var ranking = await RankAsync(shown, cancellationToken);
        var (next, days) = await NextMilestoneAsync(cancellationToken);
        return new ProvinceDashboard(shown, years, Summarise(province.Code, province.NameTh, province.NameEn, rows), ranking.GetValueOrDefault(provinceCode), ranking.Count,
            rows, items, ItemFailures(items, rows.Where(r => r.Standing is not null).Select(r => r.Standing!).ToList()), next, days);
    }

    public async Task<NationalDashboard> NationalAsync(int? year, CancellationToken cancellationToken = default)
    {
        var (years, preferred) = await YearsAsync(cancellationToken);
        var shown = year is { } asked && years.Contains(asked) ? asked : preferred ?? 0;
        var provinces = await db.Provinces.AsNoTracking().Select(p => new { p.Code, p.NameTh, p.NameEn }).ToListAsync(cancellationToken);
        var registered = await db.RegisteredLaos.GroupBy(r => r.ProvinceCode).Select(g => new { Province = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Province, x => x.Count, cancellationToken);
        var unregistered = await db.Organisations.Where(o => o.DlaCode == null).GroupBy(o => o.ProvinceCode).Select(g => new { Province = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Province, x => x.Count, cancellationToken);
        var onboarded = await db.Organisations.Where(o => o.Status == OrganisationStatus.Active).GroupBy(o => o.ProvinceCode)
            .Select(g => new { Province = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Province, x => x.Count, cancellationToken);
        var figures = await StandingFiguresAsync(shown, cancellationToken);

        var summaries = provinces
            .Where(p => registered.ContainsKey(p.Code) || onboarded.ContainsKey(p.Code))
            .Select(p =>
            {
                var f = figures.GetValueOrDefault(p.Code);
                var active = onboarded.GetValueOrDefault(p.Code);
                return new AreaSummary(p.Code, p.NameTh, p.NameEn, registered.GetValueOrDefault(p.Code) + unregistered.GetValueOrDefault(p.Code), active,
                    f?.Checked ?? 0, f is null || f.Checked == 0 ? null : Math.Round(f.ScoreSum / f.Checked, 2), f?.AtPassMark ?? 0, f?.AtRisk ?? 0,
                    Math.Max(0, active - (f?.Checked ?? 0)));
            }).ToList();
        var ranked = RankOrder(summaries);
        var nation = new AreaSummary("TH", "ทั้งประเทศ", "Thailand", summaries.Sum(s => s.Registered), summaries.Sum(s => s.Onboarded), summaries.Sum(s => s.Checked),
            summaries.Sum(s => s.Checked) == 0 ? null : Math.Round(figures.Values.Sum(f => f.ScoreSum) / summaries.Sum(s => s.Checked), 2),
            summaries.Sum(s => s.AtPassMark), summaries.Sum(s => s.AtRisk), summaries.Sum(s => s.NotStarted));

        var items = (await catalogues.PublishedAsync(shown, cancellationToken))?.Catalogue.AllItems().ToList() ?? [];
        var failing = await db.LaoStandings.AsNoTracking().Where(s => s.AssessmentYear == shown)
            .Select(s => new { s.FailingItems, s.WarningItems }).ToListAsync(cancellationToken);
        var itemFailures = ItemFailures(items, failing.Count, failing.Select(f => (f.FailingItems, f.WarningItems)));
        var (next, days) = await NextMilestoneAsync(cancellationToken);
        return new NationalDashboard(shown, years, nation, ranked, itemFailures, next, days);
    }

    /// <summary>Each figure of an area across the season (from the nightly <see cref="ProvinceDayFigure"/>s), with last year's.</summary>
    public async Task<Trend?> TrendAsync(SupervisorScope scope, string? provinceCode, int year, CancellationToken cancellationToken = default)
    {
        string name;
        if (provinceCode is null)
        {
            name = "ทั้งประเทศ";
        }
        else if (!scope.Allows(provinceCode) || await db.Provinces.AsNoTracking().Where(p => p.Code == provinceCode).Select(p => p.NameTh).SingleOrDefaultAsync(cancellationToken) is not { } found)
        {
            return null;
        }
        else
        {
            name = found;
        }

        // Summed per day in SQL: the nation's trend is 76 provinces × a season of days, one row per day back.
        var rows = await db.ProvinceDayFigures
            .Where(f => (f.AssessmentYear == year || f.AssessmentYear == year - 1) && (provinceCode == null || f.ProvinceCode == provinceCode))
            .GroupBy(f => new { f.AssessmentYear, f.Day })
            .Select(g => new
            {
                g.Key.AssessmentYear, g.Key.Day, Checked = g.Sum(f => f.Checked), ScoreSum = g.Sum(f => f.AverageScore * f.Checked),
                AtPassMark = g.Sum(f => f.AtPassMark), AtRisk = g.Sum(f => f.AtRisk),
            })
            .ToListAsync(cancellationToken);
        List<TrendPoint> Series(int y) => rows.Where(r => r.AssessmentYear == y).OrderBy(r => r.Day)
            .Select(r => new TrendPoint(r.Day, r.Checked, r.Checked == 0 ? 0 : Math.Round(r.ScoreSum / r.Checked, 2), r.AtPassMark, r.AtRisk)).ToList();
        return new Trend(provinceCode ?? "TH", name, year, Series(year), Series(year - 1));
    }

    /// <summary>
    /// One onboarded LAO's row of its province's dashboard for a year (the dashboards' default when none is asked), as
    /// <see cref="ProvinceAsync"/> would show it; null when the organisation does not exist. The caller has checked access.
    /// </summary>
    public async Task<(int Year, LaoRow Row)?> LaoAsync(Guid organisationId, int? year, CancellationToken cancellationToken = default)
    {
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken) is not { } organisation)
        {
            return null;
        }

        var (years, preferred) = await YearsAsync(cancellationToken);
        var shown = year is { } asked && years.Contains(asked) ? asked : preferred ?? 0;
        var districts = await db.Districts.AsNoTracking().Where(d => d.Code == organisation.DistrictCode).ToDictionaryAsync(d => d.Code, d => d.NameTh, cancellationToken);
        var standing = await db.LaoStandings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganisationId == organisationId && s.AssessmentYear == shown, cancellationToken);
        var projected = (await catalogues.PublishedAsync(shown, cancellationToken))?.Catalogue.IsComplete() != false;
        return (shown, Row(organisation.DlaCode, organisation.Id, organisation.Slug, organisation.NameTh, organisation.Type, organisation.DistrictCode,
            districts, standing, projected));
    }

    /// <summary>The LAO's rank among the LAOs of its type in its province, and their average; nothing about any other LAO.</summary>
    public async Task<OwnStanding?> OwnStandingAsync(Guid organisationId, int year, CancellationToken cancellationToken = default)
    {
        var own = await db.LaoStandings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganisationId == organisationId && s.AssessmentYear == year, cancellationToken);
        if (own is null)
        {
            return null;
        }

        var peers = await db.LaoStandings.AsNoTracking().Where(s => s.AssessmentYear == year && s.ProvinceCode == own.ProvinceCode && s.Type == own.Type)
            .Select(s => s.Score).ToListAsync(cancellationToken);
        var province = await db.Provinces.AsNoTracking().Where(p => p.Code == own.ProvinceCode).Select(p => p.NameTh).SingleAsync(cancellationToken);
        return new OwnStanding(year, own.Score, own.Rating, peers.Count(score => score > own.Score) + 1, peers.Count, Math.Round(peers.Average(), 2), own.Type, province);
    }

    /// <summary>Provinces in rank order of average projected score (then share at 85+); unchecked provinces last, unranked.</summary>
    public static IReadOnlyList<RankedProvince> RankOrder(IEnumerable<AreaSummary> summaries)
    {
        var ordered = summaries.OrderBy(s => s.AverageScore is null).ThenByDescending(s => s.AverageScore).ThenByDescending(s => s.PassShare)
            .ThenBy(s => s.NameTh, ThaiOrder).ToList();
        var ranked = new List<RankedProvince>(ordered.Count);
        var rank = 0;
        foreach (var summary in ordered)
        {
            ranked.Add(new RankedProvince(summary.AverageScore is null ? null : ++rank, summary));
        }

        return ranked;
    }

    private sealed record StandingFigure(int Checked, decimal ScoreSum, int AtPassMark, int AtRisk);

    /// <summary>Per province: checked LAOs, score sum, at 85+, at risk (below the mark or with late measures). One GROUP BY.</summary>
    private async Task<Dictionary<string, StandingFigure>> StandingFiguresAsync(int year, CancellationToken cancellationToken) =>
        await db.LaoStandings.Where(s => s.AssessmentYear == year).GroupBy(s => s.ProvinceCode)
            .Select(g => new
            {
                Province = g.Key,
                Checked = g.Count(),
                ScoreSum = g.Sum(s => s.Score),
                AtPassMark = g.Count(s => s.Passes),
                AtRisk = g.Count(s => !s.Passes || s.MeasuresLate > 0),
            })
            .ToDictionaryAsync(x => x.Province, x => new StandingFigure(x.Checked, x.ScoreSum, x.AtPassMark, x.AtRisk), cancellationToken);

    private async Task<Dictionary<string, int?>> RankAsync(int year, CancellationToken cancellationToken)
    {
        var figures = await StandingFiguresAsync(year, cancellationToken);
        var summaries = figures.Select(f => new AreaSummary(f.Key, "", "", 0, 0, f.Value.Checked, Math.Round(f.Value.ScoreSum / f.Value.Checked, 2), f.Value.AtPassMark, 0, 0));
        return RankOrder(summaries).ToDictionary(r => r.Summary.Code, r => r.Rank);
    }

    private static LaoRow Row(string? dlaCode, Guid? organisationId, string? slug, string name, OrganisationType type, string districtCode,
        Dictionary<string, string> districts, LaoStanding? standing, bool projected)
    {
        var onboarded = organisationId is not null;
        return new LaoRow(dlaCode, organisationId, slug, name, type, districtCode, districts.GetValueOrDefault(districtCode, districtCode),
            RiskRule.Classify(onboarded, standing), RiskRule.Reason(onboarded, standing, projected), standing);
    }

    public static AreaSummary Summarise(string code, string nameTh, string nameEn, IReadOnlyList<LaoRow> rows)
    {
        var checkedRows = rows.Where(r => r.Standing is not null).ToList();
        return new AreaSummary(code, nameTh, nameEn, rows.Count, rows.Count(r => r.IsOnboarded), checkedRows.Count,
            checkedRows.Count == 0 ? null : Math.Round(checkedRows.Sum(r => r.Standing!.Score) / checkedRows.Count, 2),
            checkedRows.Count(r => r.Standing!.Passes), rows.Count(r => r.Readiness == Readiness.AtRisk), rows.Count(r => r.Readiness == Readiness.NotStarted));
    }

    private static List<ItemFailure> ItemFailures(IReadOnlyList<ItaItem> items, List<LaoStanding> standings) =>
        ItemFailures(items, standings.Count, standings.Select(s => (s.FailingItems, s.WarningItems)));

    private static List<ItemFailure> ItemFailures(IReadOnlyList<ItaItem> items, int checkedCount, IEnumerable<(string Failing, string Warning)> codes)
    {
        var failing = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var warning = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (f, w) in codes)
        {
            foreach (var code in f.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                failing[code] = failing.GetValueOrDefault(code) + 1;
            }

            foreach (var code in w.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                warning[code] = warning.GetValueOrDefault(code) + 1;
            }
        }

        return items.Select(i => new ItemFailure(i.Code, i.Title, failing.GetValueOrDefault(i.Code), warning.GetValueOrDefault(i.Code), checkedCount))
            .OrderByDescending(i => i.Failing).ThenBy(i => i.Code.Length).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The next step of the ITA calendar as operators keep it (provisional only until they confirm it), and the days
    /// left until it, counted in Bangkok.
    /// </summary>
    public async Task<(ItaDeadline Next, int Days)> NextMilestoneAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(clock.GetUtcNow()).DateTime);
        var next = await calendar.NextAsync(today, cancellationToken);
        return (next, next.Date.DayNumber - today.DayNumber);
    }
}
