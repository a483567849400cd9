using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Measures;

namespace WiangHa.Platform.Web.Pages.Tenant.Measures;

/// <summary>What the New and Edit pages share: the bound form and the choices it offers.</summary>
public abstract class MeasureFormPage(IMultiTenantContextAccessor tenant, OrgUnitQueries orgUnits) : TenantPageModel(tenant)
{
    [BindProperty]
    public MeasureForm Form { get; set; } = new();

    public IReadOnlyList<OrgUnitView> Units { get; private set; } = [];

    public abstract string SubmitLabel { get; }

    public abstract string CancelPath { get; }

    /// <summary>Active units, plus retired ones the measure still names (so an edit never drops them silently).</summary>
    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var all = await orgUnits.ListAsync(cancellationToken: cancellationToken);
        Units = all.Where(u => u.IsActive || Form.ResponsibleUnitIds.Contains(u.Id)).ToList();
        Form.PadEvidenceRows();
    }

    protected void ShowInvalid(Infrastructure.Common.CommandResult.Invalid invalid) =>
        AddErrors(invalid, nameof(Form), Form.FormFieldFor);
}
