using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;
using WiangHa.Platform.Web.Measures;

namespace WiangHa.Platform.Web.Pages.Tenant.Measures;

[Authorize(Policy = TenantPolicies.Edit)]
public sealed class NewModel(IMultiTenantContextAccessor tenant, OrgUnitQueries orgUnits, CreateMeasureHandler handler, TimeProvider clock)
    : MeasureFormPage(tenant, orgUnits)
{
    public override string SubmitLabel => Ui.T("บันทึกมาตรการ", "Save measure");

    public override string CancelPath => TenantPath($"/measures?year={Form.FiscalYear}");

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        var fiscalYear = year is { } y && FiscalYear.IsPlausible(y) ? y : FiscalYear.Containing(clock.GetUtcNow()).BuddhistYear;
        Form = MeasureForm.ForNew(fiscalYear);
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (KeepOnlyChoiceBindingErrors(ModelState, MeasureForm.NumericFields))
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var result = await handler.HandleAsync(Form.ToInput(), Form.SubmissionKey == Guid.Empty ? null : Form.SubmissionKey, cancellationToken);
        switch (result)
        {
            case CommandResult.Success success:
                TempData["Message"] = Ui.T("บันทึกมาตรการแล้ว", "Measure saved.");
                return Redirect(TenantPath($"/measures/{success.Id}"));
            case CommandResult.Duplicate duplicate:
                TempData["Message"] = duplicate.Message;
                return Redirect(TenantPath($"/measures/{duplicate.ExistingId}"));
            case CommandResult.Invalid invalid:
                ShowInvalid(invalid);
                break;
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
