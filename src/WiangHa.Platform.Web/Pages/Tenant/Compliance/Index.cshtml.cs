using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Tenant.Compliance;

/// <summary>One row of the checklist: the item, what the LAO entered, and the latest verdict.</summary>
public sealed record ChecklistRow(ItaSubIndicator SubIndicator, ItaItem Item, ItemDisclosure? Disclosure, ComplianceResult? Result, IReadOnlyList<LinkCheck> Links);

/// <summary>ตรวจความพร้อม ITA: the tenant's checklist for one assessment year and its projected OIT score.</summary>
public sealed class IndexModel(
    IMultiTenantContextAccessor tenant, ItaCatalogueQueries catalogues, ComplianceQueries queries, RequestComplianceCheckHandler requestCheck, TimeProvider clock,
    IAuthorizationService authorization) : TenantPageModel(tenant)
{
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public ManualVersionView? Manual { get; private set; }

    /// <summary>The newest run against <see cref="Manual"/> (the latest published version); null when it has none.</summary>
    public ComplianceRun? LatestRun { get; private set; }

    /// <summary>The newest run of the year against an older version, when none used the latest yet: its figure is not shown.</summary>
    public ComplianceRun? OlderVersionRun { get; private set; }

    public IReadOnlyList<ChecklistRow> Rows { get; private set; } = [];
    public IReadOnlyList<(DateTimeOffset At, decimal Score)> History { get; private set; } = [];
    public Guid? PendingRunId { get; private set; }

    /// <summary>The current ITA year (the fiscal year of today), whether or not its manual is published.</summary>
    public int CurrentYear { get; private set; }

    /// <summary>The year the checklist opens on: the current one, or while its manual is not out, the newest before it.</summary>
    public int DefaultYear { get; private set; }

    /// <summary>The newest year the LAO has filled in, when it is not the year shown (one click away).</summary>
    public int? NewestYearWithData { get; private set; }

    /// <summary>False for a manual with unknown items: results per item, no headline score.</summary>
    public bool ManualComplete => Manual?.Catalogue.IsComplete() ?? false;

    public string IncompleteReason => Manual is null ? "" : OitProjection.IncompleteManualReason(Manual.Year, Manual.Catalogue.UnknownItemCodes());

    /// <summary>The score history as a chart with dated axes and the labelled pass mark (shown from two checks on).</summary>
    public IHtmlContent ScoreTrend()
    {
        var passMark = Manual!.Catalogue.Scoring.PassMark;
        var (first, last) = (History[0], History[^1]);
        var lastDay = DateOnly.FromDateTime(ThaiTime.ToBangkok(last.At).DateTime);
        var firstDay = DateOnly.FromDateTime(ThaiTime.ToBangkok(first.At).DateTime);
        var from = firstDay < lastDay.AddDays(-6) ? firstDay : lastDay.AddDays(-6);
        var description = Ui.T(
            $"แนวโน้มคะแนน OIT ที่คาดการณ์ ปี {Year}: จาก {first.Score:0.00} ({ScoreChart.ShortDate(firstDay)}) เป็น {last.Score:0.00} ({ScoreChart.ShortDate(lastDay)}) เกณฑ์ผ่าน {passMark:0}",
            $"Projected OIT score trend, {Year}: from {first.Score:0.00} ({ScoreChart.ShortDate(firstDay)}) to {last.Score:0.00} ({ScoreChart.ShortDate(lastDay)}), pass mark {passMark:0}");
        return new ScoreChart(from, lastDay.AddDays(1), passMark, description, width: 400)
            .Render(new ScoreSeries(History.Select(h => (ScoreChart.DayOf(h.At), h.Score)).ToList(), "#0d6efd"));
    }

    public async Task OnGetAsync(int? year, Guid? run, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        PendingRunId = run;
    }

    public async Task<IActionResult> OnPostCheckNowAsync(int year, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, null, TenantPolicies.Edit)).Succeeded)
        {
            return Forbid();
        }

        var runId = await requestCheck.HandleAsync(Tenant.Id, year, cancellationToken) is ComplianceCheckQueued queued ? queued.RunId : (Guid?)null;
        if (Request.Headers.ContainsKey("HX-Request") && runId is { } id)
        {
            return Partial("_RunStatus", new RunStatusModel(Tenant.Identifier, id, ComplianceRunState.Queued, null));
        }

        return Redirect(TenantPath($"/compliance?year={year}" + (runId is { } r ? $"&run={r}" : "")));
    }

    private async Task LoadAsync(int? year, CancellationToken cancellationToken)
    {
        var published = await catalogues.PublishedYearsAsync(cancellationToken);
        var withData = await queries.DisclosedYearsAsync(cancellationToken);
        Years = published;
        // ITA year N is assessed in January–June of fiscal year N: today's fiscal year is the year to prepare.
        CurrentYear = FiscalYear.Containing(clock.GetUtcNow()).BuddhistYear;
        // Without its manual: the newest published year not after it (last season's manual), else the newest at all.
        DefaultYear = published.Contains(CurrentYear) ? CurrentYear
            : published.Where(p => p < CurrentYear).DefaultIfEmpty(published.Count > 0 ? published[0] : 0).First();
        Year = year is { } y && published.Contains(y) ? y : DefaultYear;
        NewestYearWithData = withData.FirstOrDefault(published.Contains) is var w && w != 0 && w != Year ? w : null;
        Manual = Year == 0 ? null : await catalogues.PublishedAsync(Year, cancellationToken);
        if (Manual is null)
        {
            return;
        }

        // The score card belongs to the latest published version: a run against an older one is named, not shown.
        LatestRun = await queries.LatestRunAsync(Year, Manual.Id, cancellationToken);
        OlderVersionRun = LatestRun is null ? await queries.LatestRunAsync(Year, cancellationToken) : null;
        History = ManualComplete ? await queries.ScoreHistoryAsync(Year, 30, Manual.Id, cancellationToken) : [];
        var disclosures = (await queries.DisclosuresAsync(Year, cancellationToken)).ToDictionary(d => d.ItemCode, StringComparer.OrdinalIgnoreCase);
        var links = await queries.LinkChecksAsync(cancellationToken);
        var results = LatestRun?.Results.ToDictionary(r => r.ItemCode, StringComparer.OrdinalIgnoreCase) ?? [];
        Rows = Manual.Catalogue.Indicators.SelectMany(i => i.SubIndicators).SelectMany(s => s.Items.Select(item =>
        {
            var disclosure = disclosures.GetValueOrDefault(item.Code);
            var itemLinks = disclosure?.Urls.Select(u => links.GetValueOrDefault(u)).OfType<LinkCheck>().ToList() ?? [];
            return new ChecklistRow(s, item, disclosure, results.GetValueOrDefault(item.Code), itemLinks);
        })).ToList();
    }
}

public sealed record RunStatusModel(string TenantSlug, Guid RunId, ComplianceRunState State, decimal? Score);
