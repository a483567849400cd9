using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Organisations;

/// <summary>An active membership of a user, with its LAO's status (suspension is decided where the tenant is resolved).</summary>
public sealed record ActiveMembership(Guid OrganisationId, TenantRole Role, OrganisationStatus Status);

public sealed record MembershipView(Guid OrganisationId, string Slug, string NameTh, OrganisationType Type, string ProvinceNameTh, TenantRole Role, OrganisationStatus Status);

/// <summary>
/// A user's memberships in every LAO: what sign-in, the cookie's claims, the access token's claims and the tenant
/// picker all read, from this one query. Across organisations by purpose, so it steps over the
/// <see cref="PlatformDbContext.OrganisationFilter"/> even when a tenant is in effect (a claims refresh inside a
/// tenant request must still see the user's other LAOs). Every query names the user.
/// </summary>
public sealed class CrossTenantMemberships(PlatformDbContext db)
{
    public async Task<IReadOnlyList<ActiveMembership>> ActiveForUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await (from m in ActiveOf(userId)
               join o in db.Organisations on m.OrganisationId equals o.Id
               select new ActiveMembership(m.OrganisationId, m.Role, o.Status))
            .ToListAsync(cancellationToken);

    /// <summary>The same memberships with the names the tenant picker shows, in Thai order of the LAO's name.</summary>
    public async Task<IReadOnlyList<MembershipView>> ForUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await (from m in ActiveOf(userId)
               join o in db.Organisations on m.OrganisationId equals o.Id
               join p in db.Provinces on o.ProvinceCode equals p.Code
               orderby o.NameTh
               select new MembershipView(o.Id, o.Slug, o.NameTh, o.Type, p.NameTh, m.Role, o.Status))
            .ToListAsync(cancellationToken);

    /// <summary>A user whose every LAO is suspended (and who has one at least) may not sign in; their data is kept.</summary>
    public static bool OnlySuspended(IReadOnlyList<ActiveMembership> memberships) =>
        memberships.Count > 0 && memberships.All(m => m.Status == OrganisationStatus.Suspended);

    private IQueryable<Membership> ActiveOf(Guid userId) =>
        db.Memberships.IgnoreQueryFilters([PlatformDbContext.OrganisationFilter]).AsNoTracking().Where(m => m.UserId == userId && m.IsActive);
}
