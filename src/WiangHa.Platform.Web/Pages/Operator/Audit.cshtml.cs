using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Infrastructure.Audit;

namespace WiangHa.Platform.Web.Pages.Operator;

public sealed class AuditModel(AuditTrailQueries trail) : PageModel
{
    public IReadOnlyList<AuditEventView> Events { get; private set; } = [];
    public int PageNumber { get; private set; }
    public string? Action { get; private set; }

    public async Task OnGetAsync(int? page, string? action, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(page ?? 1, 1);
        Action = action;
        Events = await trail.AllAsync(PageNumber, action, cancellationToken);
    }
}
