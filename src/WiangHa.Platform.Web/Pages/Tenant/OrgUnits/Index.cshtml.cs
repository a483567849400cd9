using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Tenant.OrgUnits;

/// <summary>The tenant admin keeps the LAO's units (authorized by the folder convention: tenant admin only).</summary>
public sealed class IndexModel(IMultiTenantContextAccessor tenant, OrgUnitQueries units) : TenantPageModel(tenant)
{
    public IReadOnlyList<OrgUnitView> Units { get; private set; } = [];

    [BindProperty]
    public string? NewName { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Units = await units.ListAsync(cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostAddAsync([FromServices] CreateOrgUnitHandler create, CancellationToken cancellationToken) =>
        await ShowAsync(await create.HandleAsync(new OrgUnitInput(NewName, null), cancellationToken), nameof(NewName), cancellationToken);

    public async Task<IActionResult> OnPostUpdateAsync(
        Guid id, string? name, int? sortOrder, bool isActive, Guid version, [FromServices] UpdateOrgUnitHandler update, CancellationToken cancellationToken) =>
        await ShowAsync(await update.HandleAsync(id, new OrgUnitInput(name, sortOrder, isActive), version, cancellationToken), "", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid version, [FromServices] DeleteOrgUnitHandler delete, CancellationToken cancellationToken) =>
        await ShowAsync(await delete.HandleAsync(id, version, cancellationToken), "", cancellationToken);

    private async Task<IActionResult> ShowAsync(CommandResult result, string field, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case CommandResult.Success:
                TempData["Message"] = Ui.T("บันทึกแล้ว", "Saved.");
                return Redirect(TenantPath("/org-units"));
            case CommandResult.NotFound:
                return NotFound();
            case CommandResult.Invalid invalid:
                ModelState.Clear();
                foreach (var message in invalid.Errors.SelectMany(e => e.Value))
                {
                    ModelState.AddModelError(field, message);
                }

                break;
            case CommandResult.Conflict conflict:
                ModelState.AddModelError(string.Empty, conflict.Message);
                break;
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
