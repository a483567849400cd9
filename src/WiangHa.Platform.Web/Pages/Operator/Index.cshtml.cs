using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Geography;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator;

/// <summary>Operators onboard LAOs and suspend or reactivate them (authorized by the /Operator folder convention).</summary>
public sealed class IndexModel(
    OrganisationQueries organisations, OnboardOrganisationHandler onboard, SetOrganisationStatusHandler setStatus, PublicUrls urls) : PageModel
{
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public IReadOnlyList<Province> Provinces { get; private set; } = [];
    public IReadOnlyList<District> Districts { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty]
    public OnboardForm Input { get; set; } = new();

    public sealed class OnboardForm
    {
        public string? Slug { get; set; }
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }
        public OrganisationType Type { get; set; } = OrganisationType.SubdistrictAdministrativeOrganisation;
        public string? ProvinceCode { get; set; }
        public string? DistrictCode { get; set; }
        public string? FirstAdminEmail { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetDistrictsAsync([FromQuery(Name = "Input.ProvinceCode")] string? province, CancellationToken cancellationToken) =>
        Partial("_DistrictOptions", await organisations.DistrictsAsync(province, cancellationToken));

    public async Task<IActionResult> OnPostOnboardAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await onboard.HandleAsync(
            new OnboardOrganisationInput(Input.Slug, Input.NameTh, Input.NameEn, Input.Type, Input.ProvinceCode, Input.DistrictCode, Input.FirstAdminEmail),
            Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), urls.Base(Request), cancellationToken);
        if (result is CommandResult.Invalid invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", messages[0]);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = Ui.T("เพิ่มหน่วยงานแล้ว และส่งคำเชิญให้ผู้ดูแลหน่วยงานแล้ว", "Organisation created; its admin was invited.");
        return Redirect("/operator");
    }

    public async Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken cancellationToken) =>
        Done(await setStatus.HandleAsync(id, OrganisationStatus.Suspended, cancellationToken), Ui.T("ระงับการใช้งานหน่วยงานแล้ว (ข้อมูลยังอยู่ครบ)", "Suspended (data kept)."));

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken) =>
        Done(await setStatus.HandleAsync(id, OrganisationStatus.Active, cancellationToken), Ui.T("เปิดใช้งานหน่วยงานอีกครั้งแล้ว", "Reactivated."));

    private IActionResult Done(CommandResult result, string message)
    {
        if (result is CommandResult.NotFound)
        {
            return NotFound();
        }

        TempData["Message"] = message;
        return Redirect("/operator");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Organisations = await organisations.ListAsync(Search, cancellationToken: cancellationToken);
        Provinces = await organisations.ProvincesAsync(cancellationToken);
        Districts = await organisations.DistrictsAsync(Input.ProvinceCode, cancellationToken);
    }
}
