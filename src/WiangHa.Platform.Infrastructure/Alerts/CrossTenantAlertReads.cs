using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>An active LAO as the planner needs it, with its standing in the year it is chased for (null: never checked).</summary>
public sealed record AlertLao(Guid Id, string Slug, string NameTh, string ProvinceCode, LaoStanding? Standing);

/// <summary>A person who gets alerts, on which channels, in which language.</summary>
public sealed record AlertPerson(Guid UserId, string Email, bool ByEmail, string Language)
{
    public bool English => Language == "en";
}

/// <summary>A measure not done whose period ends on the given day, of one LAO.</summary>
public sealed record MeasureDeadline(Guid OrganisationId, Guid MeasureId, int FiscalYear, int Number, string Title, DateOnly PeriodEnd);

/// <summary>
/// The planner's reads across every LAO: the dashboards' standings (the at-risk read model), members and how each
/// receives alerts, measures with a period ending soon, province supervisors, LINE and webhook connections. Named
/// cross-tenant because it steps over the tenant filter on measures, on purpose and only here.
/// </summary>
public sealed class CrossTenantAlertReads(PlatformDbContext db)
{
    public async Task<IReadOnlyList<AlertLao>> ActiveLaosAsync(int standingYear, CancellationToken cancellationToken)
    {
        var standings = await db.LaoStandings.AsNoTracking().Where(s => s.AssessmentYear == standingYear).ToDictionaryAsync(s => s.OrganisationId, cancellationToken);
        var laos = await db.Organisations.AsNoTracking().Where(o => o.Status == OrganisationStatus.Active)
            .Select(o => new { o.Id, o.Slug, o.NameTh, o.ProvinceCode }).ToListAsync(cancellationToken);
        return laos.Select(o => new AlertLao(o.Id, o.Slug, o.NameTh, o.ProvinceCode, standings.GetValueOrDefault(o.Id))).ToList();
    }

    /// <summary>Active members who receive the LAO's alerts (the admin's choice, else by role), by LAO.</summary>
    public async Task<ILookup<Guid, AlertPerson>> MembersAsync(CancellationToken cancellationToken)
    {
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                          where m.IsActive && u.Email != null
                          select new { m.OrganisationId, m.Role, m.AlertReception, u.Id, u.Email, u.AlertEmailsOff, u.PreferredLanguage }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.OrganisationId, Reception: AlertReceptionRule.For(r.Role, r.AlertReception), r))
            .Where(x => x.Reception != AlertReception.None)
            .ToLookup(x => x.OrganisationId, x => new AlertPerson(x.r.Id, x.r.Email!, x.Reception == AlertReception.InAppAndEmail && !x.r.AlertEmailsOff, x.r.PreferredLanguage));
    }

    /// <summary>Each province's assigned supervisors (national staff are not escalated to: they read the national page).</summary>
    public async Task<ILookup<string, AlertPerson>> SupervisorsAsync(IReadOnlyCollection<string> provinceCodes, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.SupervisorAssignments.AsNoTracking()
                          join u in db.Users.AsNoTracking() on a.UserId equals u.Id
                          where u.Email != null && provinceCodes.Contains(a.ProvinceCode)
                          select new { a.ProvinceCode, u.Id, u.Email, u.AlertEmailsOff, u.PreferredLanguage }).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.ProvinceCode, r => new AlertPerson(r.Id, r.Email!, !r.AlertEmailsOff, r.PreferredLanguage));
    }

    /// <summary>
    /// Measures neither done nor cancelled whose period (a month) ends on one of <paramref name="periodEnds"/>: the
    /// last day of the <c>PeriodTo</c> month, the day before the dashboards start counting them late.
    /// </summary>
    public async Task<IReadOnlyList<MeasureDeadline>> MeasuresEndingAsync(IReadOnlyCollection<DateOnly> periodEnds, CancellationToken cancellationToken)
    {
        var months = periodEnds.Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct().ToList();
        if (months.Count == 0)
        {
            return [];
        }

        var rows = await db.Measures.IgnoreQueryFilters([PlatformDbContext.TenantFilter]).AsNoTracking()
            .Where(m => months.Contains(m.PeriodTo) && m.Status != MeasureStatus.Completed && m.Status != MeasureStatus.Cancelled)
            .Select(m => new { m.TenantId, m.Id, m.FiscalYear, m.Number, m.Title, m.PeriodTo }).ToListAsync(cancellationToken);
        return rows.Select(m => new MeasureDeadline(m.TenantId, m.Id, m.FiscalYear, m.Number, m.Title, m.PeriodTo.AddMonths(1).AddDays(-1)))
            .Where(m => periodEnds.Contains(m.PeriodEnd)).ToList();
    }

    public async Task<IReadOnlyList<AlertConnection>> EnabledConnectionsAsync(CancellationToken cancellationToken) =>
        await db.AlertConnections.AsNoTracking().Where(c => c.Enabled).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> ProvinceNamesAsync(CancellationToken cancellationToken) =>
        await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.NameTh, cancellationToken);
}
