using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator.ItaManuals;

/// <summary>
/// The confirmation before a draft is published: how many LAOs' checks will use it, and what it changes against the
/// version in use (or, for a new year, against the year before through the mapping). Publishing happens only here.
/// </summary>
public sealed class PublishModel(ItaCatalogueQueries queries, ItaMappingQueries mappings, CrossTenantItaPublishImpact impact, PublishItaManualVersionHandler publish) : PageModel
{
    public ManualVersionView Version { get; private set; } = null!;
    public int LaoCount { get; private set; }
    public string Against { get; private set; } = "";
    public IReadOnlyList<ItaItemChange> Changes { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.VersionAsync(id, cancellationToken) is not { Status: ItaManualVersionStatus.Draft } version)
        {
            return NotFound();
        }

        Version = version;
        LaoCount = await impact.LaoCountAsync(version, cancellationToken);
        (Against, Changes) = await mappings.ChangesAsync(version, cancellationToken);
        Problems = await mappings.ProblemsAsync(version.Year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await publish.HandleAsync(id, User.Identity?.Name ?? "operator", cancellationToken) is CommandResult.NotFound)
        {
            return NotFound();
        }

        TempData["Message"] = Ui.T("เผยแพร่แล้ว: การตรวจครั้งต่อไปของหน่วยงานที่ใช้คู่มือปีนี้จะใช้ฉบับนี้", "Published: the next checks of the LAOs on this year use this version.");
        return Redirect($"/operator/ita-manuals/versions/{id}");
    }

    public static string ChangeName(string change) => change switch
    {
        "added" => Ui.T("เพิ่ม", "added"),
        "removed" => Ui.T("ตัดออก", "removed"),
        "renumbered" => Ui.T("เปลี่ยนรหัส", "renumbered"),
        "merged" => Ui.T("รวมข้อ", "merged"),
        "split" => Ui.T("แยกข้อ", "split"),
        _ => Ui.T("แก้ไข", "changed"),
    };
}
