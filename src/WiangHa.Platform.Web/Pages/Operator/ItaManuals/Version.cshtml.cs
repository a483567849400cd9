using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Web.Pages.Operator.ItaManuals;

/// <summary>What the pages of one version share: the version, found by id (404 when none).</summary>
public abstract class VersionPageModel(ItaCatalogueQueries queries) : PageModel
{
    public ManualVersionView Version { get; private set; } = null!;

    protected ItaCatalogueQueries Queries => queries;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.VersionAsync(id, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        Version = version;
        return Page();
    }
}

/// <summary>One version (draft or published): its items, links to edit, preview and publish (through the confirmation), downloads.</summary>
public sealed class VersionModel(ItaCatalogueQueries queries) : VersionPageModel(queries)
{
    public async Task<IActionResult> OnGetDownloadAsync(Guid id, string format, CancellationToken cancellationToken)
    {
        if (await Queries.VersionAsync(id, cancellationToken) is not { } v)
        {
            return NotFound();
        }

        return format == "xlsx"
            ? File(ItaCatalogueFormats.ToXlsx(v.Catalogue), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ita-{v.Year}-v{v.Number}.xlsx")
            : File(Encoding.UTF8.GetBytes(ItaCatalogueFormats.ToJson(v.Catalogue)), "application/json", $"ita-{v.Year}-v{v.Number}.json");
    }
}
