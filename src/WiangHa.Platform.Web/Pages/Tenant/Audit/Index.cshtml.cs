using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Tenant.Audit;

/// <summary>The LAO's own trail, for its admin, in words; filtered by kind, person and days, 50 a page.</summary>
[Authorize(Policy = TenantPolicies.Admin)]
public sealed class IndexModel(IMultiTenantContextAccessor tenant, AuditTrailQueries trail) : TenantPageModel(tenant)
{
    [BindProperty(SupportsGet = true, Name = "")]
    public AuditQuery Query { get; set; } = new();

    public AuditTrailView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var people = await trail.PeopleAsync(Tenant.Id, cancellationToken);
        var page = Query.ToFilter(ModelState) is { } filter ? await trail.ForTenantAsync(Tenant.Id, filter, cancellationToken) : null;
        View = new AuditTrailView(Query, page, page is null ? [] : AuditText.Rows(page), people, ForOperator: false);
    }
}
