using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Tenant.Measures;

[Authorize(Policy = TenantPolicies.Edit)]
public sealed class DeleteModel(IMultiTenantContextAccessor tenant, MeasureQueries queries, DeleteMeasureHandler handler) : TenantPageModel(tenant)
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

    public async Task<IActionResult> OnPostAsync(Guid id, Guid version, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(id, version, cancellationToken);
        switch (result)
        {
            case CommandResult.Success:
                TempData["Message"] = Ui.T("ลบมาตรการแล้ว", "Measure deleted.");
                return Redirect(TenantPath("/measures"));
            case CommandResult.Conflict conflict:
                ModelState.AddModelError(string.Empty, conflict.Message);
                return await OnGetAsync(id, cancellationToken);
            default:
                return NotFound();
        }
    }
}
