using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator.ItaManuals;

/// <summary>The fields of one item's inline form (and of the "add an item" form, whose <see cref="OriginalCode"/> is empty).</summary>
public sealed class DraftItemForm
{
    public string? OriginalCode { get; set; }
    public string? Hash { get; set; }
    public string? Code { get; set; }
    public string? Title { get; set; }
    public ItaItemKind Kind { get; set; } = ItaItemKind.Disclosure;
    public string? SubIndicatorCode { get; set; }
    public string? RequirementClause { get; set; }
    public string? Elements { get; set; }
    public int? DataYearOffset { get; set; }
    public string? DataYearText { get; set; }
    public bool Confirmed { get; set; }
    public ItaMappingKind MappingKind { get; set; } = ItaMappingKind.New;
    public string? FromCodes { get; set; }
    public bool MappingConfirmed { get; set; }
    public string? MappingNote { get; set; }

    public static DraftItemForm Of(ItaItem item, ItaSubIndicator sub, ItaItemMapping? mapping) => new()
    {
        OriginalCode = item.Code,
        Code = item.Code,
        Title = item.Title,
        Kind = item.Kind,
        SubIndicatorCode = sub.Code,
        RequirementClause = item.RequirementClause,
        Elements = string.Join("\n", item.Elements.Select(e => e.Text)),
        DataYearOffset = item.DataYear?.Offset,
        DataYearText = item.DataYear?.Text,
        Confirmed = item.Confirmed,
        MappingKind = mapping?.Kind ?? ItaMappingKind.New,
        FromCodes = mapping is null ? "" : string.Join(", ", mapping.FromCodes),
        MappingConfirmed = mapping?.Confirmed ?? false,
        MappingNote = mapping?.Note,
    };
}

/// <summary>
/// The draft editor: every item of a draft version on one page, each with an inline form (code, title, kind,
/// elements, data-year rule, and its mapping from the year before), an "add an item" form, and the mapping's problems.
/// </summary>
public sealed class DraftModel(ItaCatalogueQueries queries, ItaMappingQueries mappings, SaveItaDraftItemHandler save, RemoveItaDraftItemHandler remove) : PageModel
{
    public ManualVersionView Version { get; private set; } = null!;
    public int? FromYear { get; private set; }
    public IReadOnlyList<ItaItemMapping> Mappings { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The form that was posted and refused ("" for the add form), whose values and messages are shown again.</summary>
    public string? PostedCode { get; private set; }

    [BindProperty]
    public DraftItemForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var input = new DraftItemInput(id, Form.Hash, string.IsNullOrEmpty(Form.OriginalCode) ? null : Form.OriginalCode, Form.Code, Form.Title, Form.Kind,
            Form.SubIndicatorCode, Form.Elements, Form.DataYearOffset, Form.DataYearText, Form.Confirmed, Form.MappingKind, Form.FromCodes, Form.MappingConfirmed,
            Form.MappingNote, Form.RequirementClause);
        var result = await save.HandleAsync(input, User.Identity?.Name ?? "operator", cancellationToken);
        if (result is ItaDraftItemSaved saved)
        {
            TempData["Message"] = Ui.T($"บันทึกข้อ {saved.Code} แล้ว", $"Item {saved.Code} saved.");
            return Redirect($"/operator/ita-manuals/versions/{id}/edit#item-{saved.Code}");
        }

        return await RefusedAsync(id, result, Form.OriginalCode ?? "", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string code, string? hash, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await remove.HandleAsync(new RemoveDraftItemInput(id, hash, code), User.Identity?.Name ?? "operator", cancellationToken);
        if (result is ItaDraftItemSaved)
        {
            TempData["Message"] = Ui.T($"ลบข้อ {code} ออกจากร่างแล้ว", $"Item {code} removed from the draft.");
            return Redirect($"/operator/ita-manuals/versions/{id}/edit");
        }

        return await RefusedAsync(id, result, null, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(Guid id, CommandResult result, string? postedCode, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || result is CommandResult.NotFound)
        {
            return NotFound();
        }

        PostedCode = postedCode;
        switch (result)
        {
            case CommandResult.Invalid invalid:
                ModelState.AddErrors(invalid, nameof(Form));
                break;
            case CommandResult.Conflict conflict:
                ModelState.AddModelError(string.Empty, conflict.Message);
                break;
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.VersionAsync(id, cancellationToken) is not { Status: ItaManualVersionStatus.Draft } version)
        {
            return false;
        }

        Version = version;
        FromYear = await mappings.PreviousYearAsync(version.Year, cancellationToken);
        Mappings = await mappings.IntoYearAsync(version.Year, cancellationToken);
        Problems = await mappings.ProblemsAsync(version.Year, cancellationToken);
        return true;
    }

    /// <summary>The values an item's form shows: what was posted when it was refused, else the item as stored.</summary>
    public DraftItemForm ValuesFor(ItaItem item, ItaSubIndicator sub) =>
        PostedCode is not null && string.Equals(PostedCode, item.Code, StringComparison.OrdinalIgnoreCase) ? Form
            : DraftItemForm.Of(item, sub, Mappings.FirstOrDefault(m => m.FromYear == FromYear && string.Equals(m.ToCode, item.Code, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The messages beside a field of the form that was posted (none for the other forms).</summary>
    public IReadOnlyList<string> ErrorsFor(string? itemCode, string field) =>
        PostedCode is not null && string.Equals(PostedCode, itemCode ?? "", StringComparison.OrdinalIgnoreCase)
        && ModelState.TryGetValue($"{nameof(Form)}.{field}", out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).ToList()
            : [];

    public bool IsPosted(string? itemCode) => PostedCode is not null && string.Equals(PostedCode, itemCode ?? "", StringComparison.OrdinalIgnoreCase);

    /// <summary>Other rows leading into the item (from earlier years, over manuals not known).</summary>
    public IEnumerable<ItaItemMapping> OtherMappings(string code) =>
        Mappings.Where(m => m.FromYear != FromYear && string.Equals(m.ToCode, code, StringComparison.OrdinalIgnoreCase));

    public static string KindName(ItaItemKind kind) => kind switch
    {
        ItaItemKind.Measures => Ui.T("มาตรการ", "Measures"),
        ItaItemKind.MeasuresReport => Ui.T("รายงานผลตามมาตรการ", "Measures report"),
        _ => Ui.T("เปิดเผยข้อมูล", "Disclosure"),
    };

    public static string MappingName(ItaMappingKind kind) => kind switch
    {
        ItaMappingKind.Same => Ui.T("เหมือนเดิม", "Same"),
        ItaMappingKind.Renumbered => Ui.T("เปลี่ยนรหัส", "Renumbered"),
        ItaMappingKind.Split => Ui.T("แยกจากข้อเดิม", "Split"),
        ItaMappingKind.Merged => Ui.T("รวมหลายข้อเดิม", "Merged"),
        ItaMappingKind.New => Ui.T("ข้อใหม่", "New"),
        _ => Ui.T("ยกเลิก", "Dropped"),
    };
}

/// <summary>What one inline form needs: the page, the values to show, and the item's code (null for the add form).</summary>
public sealed record DraftItemFormView(DraftModel Page, DraftItemForm Values, string? ItemCode);
