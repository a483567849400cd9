using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Tenant.Compliance;

/// <summary>
/// ยกคำตอบมาจากปีก่อน: the LAO's disclosures of an earlier assessment year proposed for the new year through the item
/// mapping (old item → new item, answer, URLs), each with a checkbox. Nothing is stored until the clerk confirms; items
/// whose meaning changed are listed as "ต้องตอบใหม่".
/// </summary>
public sealed class CarryOverModel(
    IMultiTenantContextAccessor tenant, ItaCatalogueQueries catalogues, DisclosureCarryOverQueries proposals, CarryOverDisclosuresHandler carry, TimeProvider clock,
    IAuthorizationService authorization) : TenantPageModel(tenant)
{
    public IReadOnlyList<int> Years { get; private set; } = [];
    public DisclosureCarryProposal? Proposal { get; private set; }

    [BindProperty]
    public List<string> ItemCodes { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, int? from, CancellationToken cancellationToken)
    {
        await LoadAsync(year, from, cancellationToken);
        ItemCodes = Proposal?.Proposals.Where(p => !p.AlreadyAnswered).Select(p => p.ToCode).ToList() ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, int from, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, null, TenantPolicies.Edit)).Succeeded)
        {
            return Forbid();
        }

        ModelState.Clear();
        var result = await carry.HandleAsync(new CarryDisclosuresInput(from, year, ItemCodes), cancellationToken);
        switch (result)
        {
            case DisclosuresCarried carried:
                TempData["Message"] = Ui.T($"ยกคำตอบจากปี {from} มาเป็นของปี {year} แล้ว {carried.Count} ข้อ — ตรวจลิงก์และกด \"ตรวจเดี๋ยวนี้\"", $"Carried {carried.Count} answers from {from} into {year}.");
                return Redirect(TenantPath($"/compliance?year={year}"));
            case CommandResult.Invalid invalid:
                await LoadAsync(year, from, cancellationToken);
                AddErrors(invalid, "");
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(int? year, int? from, CancellationToken cancellationToken)
    {
        Years = await catalogues.PublishedYearsAsync(cancellationToken);
        var current = FiscalYear.Containing(clock.GetUtcNow()).BuddhistYear;
        var target = year is { } y && Years.Contains(y) ? y : Years.Where(p => p <= current + 1).DefaultIfEmpty(0).First();
        Proposal = target == 0 ? null : await proposals.ProposeAsync(from, target, cancellationToken);
    }
}
