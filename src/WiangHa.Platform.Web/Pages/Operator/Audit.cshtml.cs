using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator;

/// <summary>Every LAO's trail and the platform's own events, for operators, with the raw details at hand.</summary>
public sealed class AuditModel(AuditTrailQueries trail) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public AuditQuery Query { get; set; } = new();

    public AuditTrailView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var people = await trail.PeopleAsync(null, cancellationToken);
        var page = Query.ToFilter(ModelState) is { } filter ? await trail.AllAsync(filter, cancellationToken) : null;
        View = new AuditTrailView(Query, page, page is null ? [] : AuditText.Rows(page), people, ForOperator: true);
    }
}
