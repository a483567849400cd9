using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;
using WiangHa.Platform.Web.Measures;

namespace WiangHa.Platform.Web.Pages.Tenant.Measures;

[Authorize(Policy = TenantPolicies.Edit)]
public sealed class EditModel(IMultiTenantContextAccessor tenant, OrgUnitQueries orgUnits, MeasureQueries queries, UpdateMeasureHandler handler)
    : MeasureFormPage(tenant, orgUnits)
{
    [FromRoute]
    public Guid Id { get; set; }

    public string? ConflictMessage { get; private set; }

    public override string SubmitLabel => Ui.T("บันทึกการแก้ไข", "Save changes");

    public override string CancelPath => TenantPath($"/measures/{Id}");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var measure = await queries.GetAsync(Id, cancellationToken);
        if (measure is null)
        {
            return NotFound();
        }

        Form = MeasureForm.From(measure);
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (KeepOnlyChoiceBindingErrors(ModelState, MeasureForm.NumericFields))
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var result = await handler.HandleAsync(Id, Form.ToInput(), Form.Version, cancellationToken);
        switch (result)
        {
            case CommandResult.Success:
                TempData["Message"] = Ui.T("บันทึกการแก้ไขแล้ว", "Changes saved.");
                return Redirect(TenantPath($"/measures/{Id}"));
            case CommandResult.NotFound:
                return NotFound();
            case CommandResult.Conflict conflict:
                ConflictMessage = conflict.Message;
                break;
            case CommandResult.Invalid invalid:
                ShowInvalid(invalid);
                break;
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
