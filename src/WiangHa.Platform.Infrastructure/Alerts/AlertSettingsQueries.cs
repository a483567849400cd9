using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>Whose LINE and webhook connections a page or use case deals with: one LAO's or one province's, never both.</summary>
public sealed record AlertConnectionOwner(Guid? OrganisationId, string? ProvinceCode)
{
    public static AlertConnectionOwner Lao(Guid organisationId) => new(organisationId, null);

    public static AlertConnectionOwner Province(string code) => new(null, code);

    public IQueryable<AlertConnection> Of(IQueryable<AlertConnection> connections) => OrganisationId is { } id
        ? connections.Where(c => c.OrganisationId == id)
        : connections.Where(c => c.OrganisationId == null && c.ProvinceCode == ProvinceCode);

    /// <summary>What the audit trail says about the owner (the LAO is the event's tenant already).</summary>
    public string AuditScope => ProvinceCode is null ? "" : $" (จังหวัด {ProvinceCode})";
}

/// <summary>A connection as the settings page shows it: the secret only as a hint, LINE with its month's count.</summary>
public sealed record AlertConnectionView(
    Guid Id, AlertChannel Channel, string Target, string SecretHint, int? MonthlyQuota, bool Enabled, int SentThisMonth, DateTimeOffset UpdatedAt);

/// <summary>An active member and how they receive the LAO's alerts (<see cref="Chosen"/> null: by role).</summary>
public sealed record MemberReceptionView(Guid MembershipId, string Name, string Email, TenantRole Role, AlertReception? Chosen)
{
    public AlertReception Effective => AlertReceptionRule.For(Role, Chosen);
}

/// <summary>Reads of the alert settings: connections of an owner, members' reception, LINE messages sent this month.</summary>
public sealed class AlertSettingsQueries(PlatformDbContext db, AlertSecrets secrets, TimeProvider clock)
{
    public async Task<IReadOnlyList<AlertConnectionView>> ConnectionsAsync(AlertConnectionOwner owner, CancellationToken cancellationToken = default)
    {
        var connections = await owner.Of(db.AlertConnections.AsNoTracking()).OrderBy(c => c.Channel).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var views = new List<AlertConnectionView>();
        foreach (var c in connections)
        {
            var sent = c.Channel == AlertChannel.Line ? await SentThisMonthAsync(c.Id, cancellationToken) : 0;
            views.Add(new AlertConnectionView(c.Id, c.Channel, c.Target, secrets.Hint(c.ProtectedSecret), c.MonthlyQuota, c.Enabled, sent, c.UpdatedAt));
        }

        return views;
    }

    /// <summary>
    /// Messages the connection has sent in the current Bangkok calendar month: what LINE counts against the account's
    /// free messages, and so what the quota is checked against before each push.
    /// </summary>
    public async Task<int> SentThisMonthAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        var local = ThaiTime.ToBangkok(clock.GetUtcNow());
        var month = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, ThaiTime.BangkokOffset);
        // In UTC: PostgreSQL's timestamptz takes no other offset.
        var (from, to) = (month.ToUniversalTime(), month.AddMonths(1).ToUniversalTime());
        return await db.AlertMessages.AsNoTracking()
            .CountAsync(m => m.ConnectionId == connectionId && m.State == AlertState.Sent && m.SentAt >= from && m.SentAt < to, cancellationToken);
    }

    /// <summary>The current LAO's active members (the tenant filter keeps them to it), by name.</summary>
    public async Task<IReadOnlyList<MemberReceptionView>> ReceptionsAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        await (from m in db.Memberships.AsNoTracking()
               join u in db.Users.AsNoTracking() on m.UserId equals u.Id
               where m.OrganisationId == organisationId && m.IsActive
               orderby u.DisplayName, u.Email
               select new MemberReceptionView(m.Id, u.DisplayName, u.Email ?? "", m.Role, m.AlertReception)).ToListAsync(cancellationToken);
}
