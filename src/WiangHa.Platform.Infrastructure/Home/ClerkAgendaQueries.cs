using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Reports;

namespace WiangHa.Platform.Infrastructure.Home;

/// <summary>
/// What the clerk of the current LAO should do now: the assessment year the clock is in and its next deadline, the
/// projected score (or why there is none), the items to fix first, this fiscal year's measures and the documents
/// still to produce. Everything is the current tenant's (the tenant filter applies to every read).
/// </summary>
public sealed record ClerkAgenda(
    int AssessmentYear,
    int? ManualYear,
    ItaDeadline Next,
    int DaysLeft,
    AgendaScore Score,
    IReadOnlyList<AgendaItem> ToFix,
    int FiscalYear,
    IReadOnlyList<MeasureView> Measures,
    IReadOnlyList<AgendaDocument> Documents,
    int? NewestMeasureYear)
{
    /// <summary>The manual of the assessment year itself is not out yet: the checks use an older one meanwhile.</summary>
    public bool UsesEarlierManual => ManualYear is { } m && m != AssessmentYear;
}

/// <summary>The projected score of the latest check, or null with the reason why there is none to show.</summary>
public sealed record AgendaScore(ComplianceRun? Run, int? ManualVersion, AgendaScoreGap? Gap, string? IncompleteReason = null);

public enum AgendaScoreGap
{
    /// <summary>No ITA manual is published at all.</summary>
    NoManual,

    /// <summary>Never checked against this year's manual.</summary>
    NeverChecked,

    /// <summary>The latest check used an older version of the manual.</summary>
    OlderVersion,

    /// <summary>The manual still has unknown items: per-item results, but no projected score (ADR 0006).</summary>
    IncompleteManual,
}

/// <summary>An item still failing or unsure, with the first thing to do about it.</summary>
public sealed record AgendaItem(string Code, string Title, ComplianceStatus Status, string? FirstReason);

/// <summary>One of the two documents of the measures items, for one fiscal year.</summary>
public sealed record AgendaDocument(ReportKind Kind, int FiscalYear, AgendaDocumentState State, int MeasureCount);

public enum AgendaDocumentState
{
    /// <summary>No measures of that fiscal year yet.</summary>
    NoMeasures,

    /// <summary>Measures exist but something the document needs is missing (analysis, results, outcome).</summary>
    Incomplete,

    /// <summary>Ready to download or print, not yet on the public page.</summary>
    Ready,

    /// <summary>On the LAO's public page.</summary>
    Published,
}

public sealed class ClerkAgendaQueries(
    ItaCatalogueQueries catalogues, ComplianceQueries compliance, MeasureQueries measures, ReportSettingsQueries reports,
    DashboardQueries dashboards, TimeProvider clock)
{
    /// <summary>How many items the home page lists before sending the clerk to the checklist.</summary>
    public const int ItemsShown = 8;

    public async Task<ClerkAgenda> AgendaAsync(CancellationToken cancellationToken = default)
    {
        var fiscalYear = FiscalYear.Containing(clock.GetUtcNow()).BuddhistYear;
        var assessmentYear = fiscalYear;
        var (next, days) = await dashboards.NextMilestoneAsync(cancellationToken);

        // Until the year's own manual is published, the checks (and the alerts) use the newest one before it.
        var published = await catalogues.PublishedYearsAsync(cancellationToken);
        int? manualYear = published.Count == 0 ? null : published.Where(y => y <= assessmentYear).DefaultIfEmpty(published.Max()).Max();
        var manual = manualYear is { } year ? await catalogues.PublishedAsync(year, cancellationToken) : null;
        var (score, toFix) = await ScoreAsync(manual, cancellationToken);

        var thisYear = await measures.ListAsync(fiscalYear, cancellationToken);
        var years = await measures.FiscalYearsAsync(cancellationToken);
        var documents = new List<AgendaDocument>
        {
            // The report item of year N covers the measures carried out in FY N−1; the measures item, those of FY N.
            await DocumentAsync(ReportKind.Results, fiscalYear - 1, await measures.ListAsync(fiscalYear - 1, cancellationToken), cancellationToken),
            await DocumentAsync(ReportKind.Measures, fiscalYear, thisYear, cancellationToken),
        };
        return new ClerkAgenda(assessmentYear, manualYear, next, days, score, toFix, fiscalYear, thisYear, documents,
            years.Count == 0 ? null : years[0]);
    }

    private async Task<(AgendaScore Score, IReadOnlyList<AgendaItem> ToFix)> ScoreAsync(ManualVersionView? manual, CancellationToken cancellationToken)
    {
        if (manual is null)
        {
            return (new AgendaScore(null, null, AgendaScoreGap.NoManual), []);
        }

        var run = await compliance.LatestRunAsync(manual.Year, cancellationToken);
        if (run is null)
        {
            return (new AgendaScore(null, manual.Number, AgendaScoreGap.NeverChecked), []);
        }

        if (run.ManualVersionId != manual.Id)
        {
            return (new AgendaScore(run, manual.Number, AgendaScoreGap.OlderVersion), []);
        }

        // What to fix first: failures before doubts, then the manual's own order (the order ITAS asks in).
        var order = manual.Catalogue.AllItems().Select((item, index) => (item, index)).ToDictionary(x => x.item.Code, StringComparer.OrdinalIgnoreCase);
        var toFix = run.Results
            .Where(r => r.Status is ComplianceStatus.Fail or ComplianceStatus.Warning && order.ContainsKey(r.ItemCode))
            .OrderBy(r => r.Status == ComplianceStatus.Fail ? 0 : 1).ThenBy(r => order[r.ItemCode].index)
            .Select(r => new AgendaItem(r.ItemCode, order[r.ItemCode].item.Title, r.Status, r.Reasons.FirstOrDefault()))
            .ToList();
        return manual.Catalogue.IsComplete()
            ? (new AgendaScore(run, manual.Number, null), toFix)
            : (new AgendaScore(run, manual.Number, AgendaScoreGap.IncompleteManual,
                OitProjection.IncompleteManualReason(manual.Year, manual.Catalogue.UnknownItemCodes())), toFix);
    }

    /// <summary>The state of one document from the measures of its fiscal year (<paramref name="list"/>).</summary>
    private async Task<AgendaDocument> DocumentAsync(ReportKind kind, int fiscalYear, IReadOnlyList<MeasureView> list, CancellationToken cancellationToken)
    {
        if (list.Count == 0)
        {
            return new AgendaDocument(kind, fiscalYear, AgendaDocumentState.NoMeasures, 0);
        }

        var complete = kind == ReportKind.Results
            ? list.All(m => m.ResultPoints.Count > 0 && !string.IsNullOrWhiteSpace(m.Outcome))
            : await reports.AnalysisAsync(fiscalYear, cancellationToken) is not null;
        if (!complete)
        {
            return new AgendaDocument(kind, fiscalYear, AgendaDocumentState.Incomplete, list.Count);
        }

        var publication = await reports.PublicationAsync(fiscalYear, cancellationToken);
        var published = publication.IsPublished && (kind == ReportKind.Results ? publication.PublishResults : publication.PublishMeasures);
        return new AgendaDocument(kind, fiscalYear, published ? AgendaDocumentState.Published : AgendaDocumentState.Ready, list.Count);
    }
}
