using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>The operators' filter of the outbox: a state, a channel, and text matched against the LAO, the province or the address.</summary>
public sealed record OutboxFilter(AlertState? State = null, AlertChannel? Channel = null, string? Search = null);

public sealed record OutboxCount(AlertState State, AlertChannel Channel, int Count);

/// <summary>One outbox row as operators see it: who it is for and how delivery went; the body only as a short, redacted preview.</summary>
public sealed record OutboxRow(
    Guid Id, DateTimeOffset CreatedAt, AlertChannel Channel, AlertState State, string? LaoName, string? ProvinceName, string? RecipientEmail,
    string Address, string Subject, string BodyPreview, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

/// <summary>
/// The operators' view of the outbox, across every LAO and province (operators work outside any tenant, where the
/// outbox's organisation filter lets every row through).
/// </summary>
public sealed partial class AlertOutboxQueries(PlatformDbContext db)
{
    public const int PageSize = 50;
    public const int PreviewLength = 160;

    public async Task<IReadOnlyList<OutboxCount>> CountsAsync(CancellationToken cancellationToken = default) =>
        (await db.AlertMessages.AsNoTracking().GroupBy(m => new { m.State, m.Channel })
            .Select(g => new { g.Key.State, g.Key.Channel, Count = g.Count() }).ToListAsync(cancellationToken))
        .Select(c => new OutboxCount(c.State, c.Channel, c.Count)).ToList();

    /// <summary>Newest first, <see cref="PageSize"/> a page.</summary>
    public async Task<IReadOnlyList<OutboxRow>> ListAsync(OutboxFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var rows = await (from m in Filtered(filter)
                          join o in db.Organisations.AsNoTracking() on m.OrganisationId equals o.Id into lao
                          from o in lao.DefaultIfEmpty()
                          join p in db.Provinces.AsNoTracking() on m.ProvinceCode equals p.Code into province
                          from p in province.DefaultIfEmpty()
                          join u in db.Users.AsNoTracking() on m.RecipientUserId equals u.Id into user
                          from u in user.DefaultIfEmpty()
                          orderby m.CreatedAt descending, m.Id descending
                          select new
                          {
                              m.Id, m.CreatedAt, m.Channel, m.State, LaoName = o == null ? null : o.NameTh, ProvinceName = p == null ? null : p.NameTh,
                              Email = u == null ? null : u.Email, m.Address, m.Subject, m.TextBody, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError,
                          })
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return rows.Select(r => new OutboxRow(r.Id, r.CreatedAt, r.Channel, r.State, r.LaoName, r.ProvinceName, r.Email, r.Address, r.Subject,
            Preview(r.TextBody), r.Attempts, r.NextAttemptAt, r.SentAt, r.LastError)).ToList();
    }

    /// <summary>The ids of the failed rows the filter matches (whatever state it names): what "retry all" takes back.</summary>
    public async Task<IReadOnlyList<Guid>> FailedIdsAsync(OutboxFilter filter, CancellationToken cancellationToken = default) =>
        await Filtered(filter with { State = AlertState.Failed }).Select(m => m.Id).ToListAsync(cancellationToken);

    private IQueryable<AlertMessage> Filtered(OutboxFilter filter)
    {
        var query = db.AlertMessages.AsNoTracking();
        if (filter.State is { } state)
        {
            query = query.Where(m => m.State == state);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(m => m.Channel == channel);
        }

        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            query = query.Where(m => m.ProvinceCode == search || m.Address.Contains(search)
                || db.Organisations.Any(o => o.Id == m.OrganisationId && o.NameTh.Contains(search))
                || db.Provinces.Any(p => p.Code == m.ProvinceCode && p.NameTh.Contains(search)));
        }

        return query;
    }

    /// <summary>
    /// The start of the body, with the one-click preferences token of an email taken out: it opens the recipient's
    /// preferences without signing in, so it is theirs alone.
    /// </summary>
    public static string Preview(string body)
    {
        var redacted = Token().Replace(body, "token=…");
        return redacted.Length <= PreviewLength ? redacted : redacted[..PreviewLength] + "…";
    }

    [GeneratedRegex(@"token=[^\s&""'<>]+")]
    private static partial Regex Token();
}
