using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Ita;

/// <summary>A published (or draft) version with its parsed catalogue.</summary>
public sealed record ManualVersionView(Guid Id, int Year, int Number, ItaManualVersionStatus Status, ItaCatalogue Catalogue,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy, string? SourceFileName, int ItemCount,
    string ContentHash = "", string? Note = null);

/// <summary>
/// Parsed catalogues by version id and content: a published document never changes, so it is parsed once per process;
/// a draft edited in place has a new content hash after each edit. Only what never changes is kept per process: which
/// version is a year's newest published one changes when an operator publishes on any replica, so that is read per
/// scope (<see cref="ItaCatalogueQueries"/>), one small query per request or per tenant of a nightly run.
/// </summary>
public sealed class ItaCatalogueCache
{
    private readonly ConcurrentDictionary<(Guid, string), ItaCatalogue> _parsed = new();
    private readonly ConcurrentDictionary<Guid, ManualVersionView> _published = new();

    public ItaCatalogue Parse(ItaManualVersion version) => _parsed.GetOrAdd((version.Id, version.ContentHash), _ => ItaCatalogueFormats.FromStoredJson(version.Document));

    /// <summary>Published versions never change: kept whole, so a nightly run over every tenant reads none of them again.</summary>
    internal ConcurrentDictionary<Guid, ManualVersionView> Published => _published;
}

public sealed class ItaCatalogueQueries(PlatformDbContext db, ItaCatalogueCache cache)
{
    // Per scope: a publish on another replica is seen by the next request or tenant, never later.
    private IReadOnlyDictionary<int, Guid>? _latestPublished;

    /// <summary>Called after a publish in this scope, so its next lookup sees the new version.</summary>
    public void Forget() => _latestPublished = null;

    public async Task<IReadOnlyList<ItaManualVersion>> VersionsAsync(CancellationToken cancellationToken = default) =>
        await db.ItaManualVersions.AsNoTracking().OrderByDescending(v => v.Year).ThenByDescending(v => v.Number).ToListAsync(cancellationToken);

    public async Task<ManualVersionView?> VersionAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var version = await db.ItaManualVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        return version is null ? null : View(version);
    }

    public async Task<ManualVersionView?> VersionAsync(int year, int number, CancellationToken cancellationToken = default)
    {
        var version = await db.ItaManualVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Year == year && v.Number == number, cancellationToken);
        return version is null ? null : View(version);
    }

    /// <summary>The newest published version of a year, or null.</summary>
    public async Task<ManualVersionView?> PublishedAsync(int year, CancellationToken cancellationToken = default)
    {
        var latest = await LatestPublishedIdsAsync(cancellationToken);
        if (!latest.TryGetValue(year, out var id))
        {
            return null;
        }

        if (cache.Published.TryGetValue(id, out var known))
        {
            return known;
        }

        var view = await VersionAsync(id, cancellationToken);
        if (view is not null)
        {
            cache.Published[id] = view;
        }

        return view;
    }

    /// <summary>
    /// The items a measure can serve (the measures and report items of every published manual, newest year first),
    /// as "{year}/{code}" references: a newly imported year shows up in the measure form without a code change.
    /// </summary>
    public async Task<IReadOnlyList<(string Reference, string Title)>> MeasureItemsAsync(CancellationToken cancellationToken = default)
    {
        var items = new List<(string, string)>();
        foreach (var year in await PublishedYearsAsync(cancellationToken))
        {
            var manual = await PublishedAsync(year, cancellationToken);
            items.AddRange(manual!.Catalogue.AllItems().Where(i => i.Kind != ItaItemKind.Disclosure).Select(i => ($"{year}/{i.Code}", i.Title)));
        }

        return items;
    }

    /// <summary>The year's operator setting for unreachable links, read fresh (it changes without a new version).</summary>
    public async Task<bool> UnreachableLinksWarnOnlyAsync(int year, CancellationToken cancellationToken = default) =>
        await db.ItaManuals.AsNoTracking().Where(m => m.Year == year).Select(m => m.UnreachableLinksWarnOnly).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every year's manual with its settings, newest first (the operators' list).</summary>
    public async Task<IReadOnlyList<ItaManual>> ManualsAsync(CancellationToken cancellationToken = default) =>
        await db.ItaManuals.AsNoTracking().OrderByDescending(m => m.Year).ToListAsync(cancellationToken);

    /// <summary>Years with a published manual, newest first.</summary>
    public async Task<IReadOnlyList<int>> PublishedYearsAsync(CancellationToken cancellationToken = default) =>
        (await LatestPublishedIdsAsync(cancellationToken)).Keys.OrderDescending().ToList();

    private async Task<IReadOnlyDictionary<int, Guid>> LatestPublishedIdsAsync(CancellationToken cancellationToken)
    {
        if (_latestPublished is { } known)
        {
            return known;
        }

        var rows = await db.ItaManualVersions.AsNoTracking()
            .Where(v => v.Status == ItaManualVersionStatus.Published)
            .Select(v => new { v.Year, v.Number, v.Id })
            .ToListAsync(cancellationToken);
        var latest = rows.GroupBy(r => r.Year).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Number)!.Id);
        _latestPublished = latest;
        return latest;
    }

    /// <summary>The catalogue a year is known by: its newest published version, else its newest draft; null when none.</summary>
    public async Task<ManualVersionView?> CurrentOrDraftAsync(int year, CancellationToken cancellationToken = default)
    {
        if (await PublishedAsync(year, cancellationToken) is { } published)
        {
            return published;
        }

        var draft = await db.ItaManualVersions.AsNoTracking().Where(v => v.Year == year).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        return draft is null ? null : View(draft);
    }

    /// <summary>The year's draft being edited (its newest draft), or null.</summary>
    public async Task<ItaManualVersion?> DraftAsync(int year, CancellationToken cancellationToken = default) =>
        await db.ItaManualVersions.AsNoTracking().Where(v => v.Year == year && v.Status == ItaManualVersionStatus.Draft)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);

    private ManualVersionView View(ItaManualVersion v) =>
        new(v.Id, v.Year, v.Number, v.Status, cache.Parse(v), v.CreatedAt, v.CreatedBy, v.PublishedAt, v.PublishedBy, v.SourceFileName, v.ItemCount, v.ContentHash, v.Note);
}
