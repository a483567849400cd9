using Microsoft.AspNetCore.Authorization;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Tenant.Audit;

/// <summary>The LAO's own trail, for its admin.</summary>
[Authorize(Policy = TenantPolicies.Admin)]
public sealed class IndexModel(IMultiTenantContextAccessor tenant, AuditTrailQueries trail) : TenantPageModel(tenant)
{
    public IReadOnlyList<AuditEventView> Events { get; private set; } = [];
    public int PageNumber { get; private set; }

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(page ?? 1, 1);
        Events = await trail.ForTenantAsync(Tenant.Id, PageNumber, cancellationToken);
    }
}
