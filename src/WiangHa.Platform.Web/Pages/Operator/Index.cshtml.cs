using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Geography;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator;

/// <summary>The registry entries of a province not yet onboarded, as the page and its htmx refresh list them.</summary>
public sealed record RegistryList(string? ProvinceCode, string? Search, IReadOnlyList<RegistryEntryView> Entries, string? ChosenDlaCode)
{
    /// <summary>The link that picks <paramref name="entry"/> into the onboarding form (a plain GET, so it works without JavaScript).</summary>
    public string PickUrl(RegistryEntryView entry) =>
        "/operator" + QueryString.Create(new Dictionary<string, string?> { ["province"] = ProvinceCode, ["q"] = Search, ["dla"] = entry.DlaCode }
            .Where(p => !string.IsNullOrEmpty(p.Value))) + "#onboard";
}

/// <summary>
/// Operators onboard LAOs, picked from the DLA registry, and suspend or reactivate them (authorized by the /Operator
/// folder convention). There is no form for an LAO outside the registry: the registry lists every LAO the DLA
/// recognises, and one that is missing (a new or merged LAO) comes with the next registry file, so every tenant stays
/// matched to its entry on the supervisors' dashboards.
/// </summary>
public sealed class IndexModel(
    OrganisationQueries organisations, RegistryQueries registry, OnboardOrganisationHandler onboard, SetOrganisationStatusHandler setStatus, PublicUrls urls) : PageModel
{
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public IReadOnlyList<Province> Provinces { get; private set; } = [];
    public RegistryList Registry { get; private set; } = new(null, null, [], null);

    /// <summary>The registry entry picked for the form, when there is one.</summary>
    public RegistryEntryView? Chosen { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>The province whose registry entries are listed.</summary>
    [BindProperty(SupportsGet = true, Name = "province")]
    public string? Province { get; set; }

    /// <summary>Narrows the registry list by name, district or DLA code.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? RegistrySearch { get; set; }

    [BindProperty(SupportsGet = true, Name = "dla")]
    public string? PickedDlaCode { get; set; }

    [BindProperty]
    public OnboardForm Input { get; set; } = new();

    public sealed class OnboardForm
    {
        public string? DlaCode { get; set; }
        public string? Slug { get; set; }
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }
        public string? FirstAdminEmail { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Chosen = await registry.FindAsync(PickedDlaCode?.Trim(), cancellationToken);
        if (Chosen is not null)
        {
            Input.DlaCode = Chosen.DlaCode;
            Input.NameTh = Chosen.FullName;
            Province ??= Chosen.ProvinceCode;
        }

        await LoadAsync(cancellationToken);
    }

    /// <summary>htmx: the registry list alone, when the province or the search box changes.</summary>
    public async Task<IActionResult> OnGetRegistryAsync(CancellationToken cancellationToken) =>
        Partial("_RegistryEntries", await RegistryListAsync(cancellationToken));

    public async Task<IActionResult> OnPostOnboardAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await onboard.HandleAsync(
            new OnboardOrganisationInput(Input.DlaCode, Input.Slug, Input.NameTh, Input.NameEn, Input.FirstAdminEmail),
            Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!), urls.Base(Request), cancellationToken);
        if (result is CommandResult.Invalid invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", messages[0]);
            }

            Chosen = await registry.FindAsync(Input.DlaCode?.Trim(), cancellationToken);
            Province = Chosen?.ProvinceCode ?? Province;
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
        Registry = await RegistryListAsync(cancellationToken);
    }

    private async Task<RegistryList> RegistryListAsync(CancellationToken cancellationToken) =>
        new(Province, RegistrySearch, await registry.NotOnboardedAsync(Province, RegistrySearch, cancellationToken), Chosen?.DlaCode);
}
