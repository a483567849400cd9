using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.Web.Pages.Operator.ItaManuals;

public sealed record ItemChange(string Code, string Change, ItaItem? Before, ItaItem? After);

/// <summary>Item-by-item differences between two versions of one year's manual.</summary>
public sealed class CompareModel(ItaCatalogueQueries queries) : PageModel
{
    public ManualVersionView From { get; private set; } = null!;
    public ManualVersionView To { get; private set; } = null!;
    public IReadOnlyList<ItemChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, int from, int to, CancellationToken cancellationToken)
    {
        if (await queries.VersionAsync(year, from, cancellationToken) is not { } a || await queries.VersionAsync(year, to, cancellationToken) is not { } b)
        {
            return NotFound();
        }

        From = a;
        To = b;
        Changes = Diff(a.Catalogue, b.Catalogue);
        return Page();
    }

    public static IReadOnlyList<ItemChange> Diff(ItaCatalogue before, ItaCatalogue after)
    {
        var old = before.AllItems().ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var now = after.AllItems().ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var changes = new List<ItemChange>();
        foreach (var code in old.Keys.Union(now.Keys, StringComparer.OrdinalIgnoreCase))
        {
            var a = old.GetValueOrDefault(code);
            var b = now.GetValueOrDefault(code);
            var change = (a, b) switch
            {
                (null, _) => "added",
                (_, null) => "removed",
                _ when ItaCatalogueFormats.ToJson(new ItaCatalogue { Indicators = [new ItaIndicator { SubIndicators = [new ItaSubIndicator { Items = [a!] }] }] })
                       != ItaCatalogueFormats.ToJson(new ItaCatalogue { Indicators = [new ItaIndicator { SubIndicators = [new ItaSubIndicator { Items = [b!] }] }] }) => "changed",
                _ => null,
            };
            if (change is not null)
            {
                changes.Add(new ItemChange(code, change, a, b));
            }
        }

        return changes;
    }
}
