using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Web.Pages.Tenant.Measures;

public sealed class DetailsModel(IMultiTenantContextAccessor tenant, MeasureQueries queries) : TenantPageModel(tenant)
{
    public MeasureView Measure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var measure = await queries.GetAsync(id, cancellationToken);
        if (measure is null)
        {
            return NotFound();
        }

        Measure = measure;
        return Page();
    }
}
