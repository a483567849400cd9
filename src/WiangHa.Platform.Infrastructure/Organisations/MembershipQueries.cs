using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Organisations;

public sealed record MembershipView(Guid OrganisationId, string Slug, string NameTh, OrganisationType Type, string ProvinceNameTh, TenantRole Role, OrganisationStatus Status);

/// <summary>The organisations a user belongs to (registry data, read before any tenant is chosen).</summary>
public sealed class MembershipQueries(PlatformDbContext db)
{
    public async Task<IReadOnlyList<MembershipView>> ForUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await (from m in db.Memberships
               join o in db.Organisations on m.OrganisationId equals o.Id
               join p in db.Provinces on o.ProvinceCode equals p.Code
               where m.UserId == userId
               orderby o.NameTh
               select new MembershipView(o.Id, o.Slug, o.NameTh, o.Type, p.NameTh, m.Role, o.Status))
            .ToListAsync(cancellationToken);
}
