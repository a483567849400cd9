using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;
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
    public ComplianceRun? LatestRun { get; private set; }
    public IReadOnlyList<ChecklistRow> Rows { get; private set; } = [];
    public IReadOnlyList<(DateTimeOffset At, decimal Score)> History { get; private set; } = [];
    public Guid? PendingRunId { get; private set; }

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
        var current = FiscalYear.Containing(clock.GetUtcNow()).BuddhistYear;
        // Without a choice: the newest year the LAO has worked on, else the newest manual not beyond the coming year.
        Year = year is { } y && published.Contains(y) ? y
            : withData.FirstOrDefault(published.Contains) is var w && w != 0 ? w
            : published.Where(p => p <= current + 1).DefaultIfEmpty(published.Count > 0 ? published[0] : 0).First();
        Manual = Year == 0 ? null : await catalogues.PublishedAsync(Year, cancellationToken);
        if (Manual is null)
        {
            return;
        }

        LatestRun = await queries.LatestRunAsync(Year, cancellationToken);
        History = await queries.ScoreHistoryAsync(Year, 30, cancellationToken);
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
