using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Alerts;

namespace WiangHa.Platform.Web.Pages.Notifications;

/// <summary>
/// The notification centre (<c>/notifications</c>): the signed-in user's own alerts, newest first. In-app alerts cannot
/// be switched off; opening one marks it read and follows its link (only to a path inside the platform).
/// </summary>
[Authorize]
public sealed class IndexModel(NotificationCentre centre) : PageModel
{
    public IReadOnlyList<Notification> Notifications { get; private set; } = [];

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Notifications = await centre.ListAsync(UserId, cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var link = await centre.OpenAsync(UserId, id, cancellationToken);
        return link is not null && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await centre.MarkReadAsync(UserId, null, cancellationToken);
        return RedirectToPage();
    }
}
