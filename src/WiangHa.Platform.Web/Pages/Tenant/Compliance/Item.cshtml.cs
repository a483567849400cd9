using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Tenant.Compliance;

public sealed class DisclosureForm
{
    public DisclosureAnswer Answer { get; set; }

    /// <summary>One URL per line.</summary>
    public string? Urls { get; set; }

    public string? Explanation { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>One item: what the manual requires, the LAO's disclosure sheet, linked measures and the verdict history.</summary>
public sealed class ItemModel(
    IMultiTenantContextAccessor tenant, ItaCatalogueQueries catalogues, ComplianceQueries queries, MeasureQueries measures, SaveItemDisclosureHandler save,
    IAuthorizationService authorization) : TenantPageModel(tenant)
{
    public int Year { get; private set; }
    public ItaItem Item { get; private set; } = new();
    public ItaSubIndicator SubIndicator { get; private set; } = new();
    public IReadOnlyList<MeasureView> LinkedMeasures { get; private set; } = [];
    public IReadOnlyList<ComplianceResult> History { get; private set; } = [];
    public IReadOnlyDictionary<string, LinkCheck> Links { get; private set; } = new Dictionary<string, LinkCheck>();

    [BindProperty]
    public DisclosureForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, code, cancellationToken))
        {
            return NotFound();
        }

        var disclosure = (await queries.DisclosuresAsync(year, cancellationToken)).FirstOrDefault(d => string.Equals(d.ItemCode, Item.Code, StringComparison.OrdinalIgnoreCase));
        if (disclosure is not null)
        {
            Form = new DisclosureForm { Answer = disclosure.Answer, Urls = string.Join("\n", disclosure.Urls), Explanation = disclosure.Explanation, Version = disclosure.Version };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, code, cancellationToken))
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, null, TenantPolicies.Edit)).Succeeded)
        {
            return Forbid();
        }

        ClearBindingErrors(ModelState);
        var urls = (Form.Urls ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = await save.HandleAsync(new DisclosureInput(year, Item.Code, Form.Answer, urls, Form.Explanation), ExpectedVersion.FromForm(Form.Version), cancellationToken);
        switch (result)
        {
            case CommandResult.Success:
                TempData["Message"] = Ui.T($"บันทึกข้อ {Item.Code} แล้ว — กด \"ตรวจเดี๋ยวนี้\" เพื่อดูผลใหม่", $"Item {Item.Code} saved; press \"Check now\" to see the new result.");
                return Redirect(TenantPath($"/compliance?year={year}"));
            case CommandResult.Invalid invalid:
                AddErrors(invalid, nameof(Form));
                return Page();
            case CommandResult.Conflict conflict:
                ModelState.AddModelError(string.Empty, conflict.Message);
                Form.Version = conflict.CurrentVersion;
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(int year, string code, CancellationToken cancellationToken)
    {
        var manual = await catalogues.PublishedAsync(year, cancellationToken);
        if (manual?.Catalogue.FindItem(code) is not { } item)
        {
            return false;
        }

        Year = year;
        Item = item;
        SubIndicator = manual.Catalogue.SubIndicatorOf(item.Code)!;
        var reference = $"{year}/{item.Code}";
        LinkedMeasures = (await measures.ListAsync(null, cancellationToken)).Where(m => m.ItaItems.Contains(reference, StringComparer.OrdinalIgnoreCase)).ToList();
        History = await queries.ItemHistoryAsync(year, item.Code, 10, cancellationToken);
        Links = await queries.LinkChecksAsync(cancellationToken);
        return true;
    }
}
