using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>
/// The ITAS answer sheet (แบบตอบ OIT): for one assessment year, every item of the published manual in the NACC's order
/// with the answer, URL(s) and explanation exactly as stored — what the clerk types into ITAS — and whether the item is
/// ready. Nothing is reworded or trimmed: the sheet is a copy source.
/// </summary>
public sealed record ItasSheet(int Year, int ManualVersion, DateTimeOffset? CheckedAt, bool CheckedAgainstThisVersion, IReadOnlyList<ItasSheetRow> Rows)
{
    public int ReadyCount => Rows.Count(r => r.Ready);
}

/// <summary>
/// One item of the sheet; <see cref="Ready"/> only when the latest check of this manual version passed it, and
/// <see cref="Applies"/> false when that check found the item is not for this type of LAO.
/// </summary>
public sealed record ItasSheetRow(
    string SubIndicatorCode, string SubIndicatorTitle, string Code, string Title, bool Applies,
    DisclosureAnswer Answer, IReadOnlyList<ItasSheetUrl> Urls, string? Explanation,
    ComplianceStatus? Status, IReadOnlyList<string> Reasons)
{
    public bool Ready => Status == ComplianceStatus.Pass;
}

/// <summary>A URL as typed, with its latest link check (null when never checked).</summary>
public sealed record ItasSheetUrl(string Url, LinkOutcome? Outcome, int? StatusCode, DateTimeOffset? CheckedAt);

public sealed class ItasSheetQueries(ItaCatalogueQueries catalogues, ComplianceQueries compliance)
{
    /// <summary>The sheet of the current tenant for <paramref name="year"/>; null when that year has no published manual.</summary>
    public async Task<ItasSheet?> SheetAsync(int year, CancellationToken cancellationToken = default)
    {
        if (await catalogues.PublishedAsync(year, cancellationToken) is not { } manual)
        {
            return null;
        }

        var run = await compliance.LatestRunAsync(year, cancellationToken);
        var current = run is not null && run.ManualVersionId == manual.Id;
        var results = current ? run!.Results.ToDictionary(r => r.ItemCode, StringComparer.OrdinalIgnoreCase) : [];
        var disclosures = (await compliance.DisclosuresAsync(year, cancellationToken)).ToDictionary(d => d.ItemCode, StringComparer.OrdinalIgnoreCase);
        var links = await compliance.LinkChecksAsync(cancellationToken);
        var rows = manual.Catalogue.Indicators.SelectMany(i => i.SubIndicators).SelectMany(s => s.Items.Select(item =>
        {
            var disclosure = disclosures.GetValueOrDefault(item.Code);
            var result = results.GetValueOrDefault(item.Code);
            var urls = (disclosure?.Urls ?? []).Select(u => links.GetValueOrDefault(u) is { } check
                ? new ItasSheetUrl(u, check.Outcome, check.StatusCode, check.CheckedAt)
                : new ItasSheetUrl(u, null, null, null)).ToList();
            return new ItasSheetRow(s.Code, s.Title, item.Code, item.Title, result?.Status != ComplianceStatus.NotApplicable,
                disclosure?.Answer ?? DisclosureAnswer.None, urls, disclosure?.Explanation, result?.Status, result?.Reasons ?? []);
        })).ToList();
        return new ItasSheet(year, manual.Number, current ? run!.FinishedAt : null, current, rows);
    }
}
