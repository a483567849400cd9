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
public sealed partial class IndexModel(NotificationCentre centre) : PageModel
{
    public IReadOnlyList<Notification> Notifications { get; private set; } = [];

    /// <summary>The alert's text with its links clickable: encoded first, so nothing in the text can become markup.</summary>
    public Microsoft.AspNetCore.Html.HtmlString Linked(string body) =>
        new(LinkPattern().Replace(System.Net.WebUtility.HtmlEncode(body), m => $"<a href=\"{m.Value}\">{m.Value}</a>"));

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://(?:(?!&quot;)[^\s<>])+")]
    private static partial System.Text.RegularExpressions.Regex LinkPattern();

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
