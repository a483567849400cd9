using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator.ItaManuals;

/// <summary>Preview of one version (draft or published), publish button, downloads.</summary>
public sealed class VersionModel(ItaCatalogueQueries queries, PublishItaManualVersionHandler publish) : PageModel
{
    public ManualVersionView Version { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.VersionAsync(id, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        Version = version;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await publish.HandleAsync(id, User.Identity?.Name ?? "operator", cancellationToken) is CommandResult.NotFound)
        {
            return NotFound();
        }

        TempData["Message"] = Ui.T("เผยแพร่แล้ว: การตรวจครั้งต่อไปของทุกหน่วยงานจะใช้ฉบับนี้", "Published: every LAO's next check uses this version.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, string format, CancellationToken cancellationToken)
    {
        if (await queries.VersionAsync(id, cancellationToken) is not { } v)
        {
            return NotFound();
        }

        return format == "xlsx"
            ? File(ItaCatalogueFormats.ToXlsx(v.Catalogue), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ita-{v.Year}-v{v.Number}.xlsx")
            : File(Encoding.UTF8.GetBytes(ItaCatalogueFormats.ToJson(v.Catalogue)), "application/json", $"ita-{v.Year}-v{v.Number}.json");
    }
}
