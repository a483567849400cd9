using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator.ItaManuals;

/// <summary>Operators: every manual version by year, and the import form (JSON or XLSX → draft).</summary>
public sealed class IndexModel(
    ItaCatalogueQueries queries, ItaMappingQueries mappings, ImportItaCatalogueHandler import, SetUnreachableLinkPolicyHandler linkPolicy, ItaCatalogueCache cache)
    : PageModel
{
    /// <summary>Mapping rows naming items that a catalogue lacks (shown, never an error).</summary>
    public IReadOnlyList<string> MappingProblems { get; private set; } = [];

    [BindProperty]
    public DraftManualForm Draft { get; set; } = new();

    public const long MaxUploadBytes = 5 * 1024 * 1024;

    public IReadOnlyList<ItaManualVersion> Versions { get; private set; } = [];
    public IReadOnlyList<string> ImportErrors { get; private set; } = [];
    public IReadOnlyList<ItaManual> Manuals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Versions = await queries.VersionsAsync(cancellationToken);
        Manuals = await queries.ManualsAsync(cancellationToken);
        MappingProblems = await mappings.ProblemsAsync(cancellationToken: cancellationToken);
        var newest = Versions.Select(v => v.Year).DefaultIfEmpty(0).Max();
        Draft = new DraftManualForm { FromYear = newest, ToYear = newest + 1 };
    }

    /// <summary>Drafts a year from an earlier one, then opens the draft editor.</summary>
    public async Task<IActionResult> OnPostDraftAsync([FromServices] DraftItaManualFromYearHandler draft, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await draft.HandleAsync(new DraftManualInput(Draft.FromYear, Draft.ToYear, Draft.Note), User.Identity?.Name ?? "operator", cancellationToken);
        if (result is ItaManualDrafted drafted)
        {
            TempData["Message"] = Ui.T($"สร้างร่างคู่มือปี {drafted.Year} จากปี {Draft.FromYear} แล้ว ({drafted.Items} ข้อ) แก้ไขแต่ละข้อด้านล่าง", $"Drafted {drafted.Year} from {Draft.FromYear} ({drafted.Items} items).");
            return Redirect($"/operator/ita-manuals/versions/{drafted.VersionId}/edit");
        }

        if (result is CommandResult.Invalid invalid)
        {
            ModelState.AddErrors(invalid, nameof(Draft));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Versions = await queries.VersionsAsync(cancellationToken);
        return Page();
    }

    /// <summary>The parsed catalogue of a listed version (parsed once per process).</summary>
    public ItaCatalogue CatalogueOf(ItaManualVersion version) => cache.Parse(version);

    public async Task<IActionResult> OnPostLinkPolicyAsync(int year, bool warnOnly, CancellationToken cancellationToken)
    {
        var result = await linkPolicy.HandleAsync(new UnreachableLinkPolicyInput(year, warnOnly), cancellationToken);
        if (result is CommandResult.Success)
        {
            TempData["Message"] = warnOnly
                ? Ui.T($"ปี {year}: ลิงก์ที่เปิดไม่ได้เป็นเพียงคำเตือน ตั้งแต่การตรวจครั้งถัดไป", $"{year}: unreachable links only warn from the next check on.")
                : Ui.T($"ปี {year}: ลิงก์ที่เปิดไม่ได้ทำให้ข้อไม่ผ่าน ตั้งแต่การตรวจครั้งถัดไป", $"{year}: unreachable links fail the item from the next check on.");
            return RedirectToPage();
        }

        return NotFound();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ImportErrors = [Ui.T("เลือกไฟล์ .json หรือ .xlsx ก่อน", "Choose a .json or .xlsx file first.")];
        }
        else if (file.Length > MaxUploadBytes)
        {
            ImportErrors = [Ui.T("ไฟล์ใหญ่เกิน 5 MB", "The file is larger than 5 MB.")];
        }
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await import.HandleAsync(stream, file.FileName, User.Identity?.Name ?? "operator", cancellationToken);
            if (result is ItaCatalogueImported imported)
            {
                TempData["Message"] = Ui.T($"นำเข้าคู่มือปี {imported.Year} ฉบับที่ {imported.Number} เป็นร่างแล้ว ตรวจดูก่อนเผยแพร่", $"Imported {imported.Year} version {imported.Number} as a draft; review it before publishing.");
                return RedirectToPage("Version", new { id = imported.VersionId });
            }

            ImportErrors = result is CommandResult.Invalid invalid ? [.. invalid.Errors.SelectMany(e => e.Value)] : [];
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}

/// <summary>The "draft a year from another" form.</summary>
public sealed class DraftManualForm
{
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    public string? Note { get; set; }
}
