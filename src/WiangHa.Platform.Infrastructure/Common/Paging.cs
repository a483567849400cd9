using System.Buffers.Text;
using System.Text.Json;
using WiangHa.Platform.Domain.Common;

namespace WiangHa.Platform.Infrastructure.Common;

/// <summary>
/// One page of an API list. Lists are paged by key (the sort key of the last row sent, then its id), never by offset,
/// so a sync that reads page after page while clerks add rows neither skips nor repeats one.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>How many rows a page holds and where it starts (the opaque cursor the previous page handed out).</summary>
public sealed record PageRequest(int Limit, string? Cursor)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static PageRequest First { get; } = new(DefaultLimit, null);
}

/// <summary>Writes and reads the opaque cursor: the last row's key as base64url JSON. A cursor that does not decode is null.</summary>
public static class PageCursor
{
    public static string Encode<TKey>(TKey key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    public static TKey? Decode<TKey>(string cursor)
        where TKey : class
    {
        try
        {
            return JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Takes one row more than asked, to know whether a next page exists without counting.</summary>
    public static Page<TView> ToPage<TRow, TView, TKey>(IReadOnlyList<TRow> rows, int limit, Func<TRow, TKey> key, Func<TRow, TView> view) =>
        new(rows.Take(limit).Select(view).ToList(), rows.Count > limit ? Encode(key(rows[limit - 1])) : null);
}

/// <summary>The sync order shared by every <see cref="IChangeTracked"/> list: oldest change first, then id.</summary>
public static class ChangeOrder
{
    public static IQueryable<T> ChangedSince<T>(this IQueryable<T> query, DateTimeOffset? since)
        where T : class, IChangeTracked =>
        since is { } instant ? query.Where(x => x.UpdatedAt > instant) : query;

    public static IQueryable<T> AfterChange<T>(this IQueryable<T> query, DateTimeOffset updatedAt, Guid id)
        where T : class, IChangeTracked =>
        query.Where(x => x.UpdatedAt > updatedAt || (x.UpdatedAt == updatedAt && x.Id.CompareTo(id) > 0));

    public static IOrderedQueryable<T> OrderByChange<T>(this IQueryable<T> query)
        where T : class, IChangeTracked =>
        query.OrderBy(x => x.UpdatedAt).ThenBy(x => x.Id);
}
