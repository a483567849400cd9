using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Web.Alerts;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Dashboards;

/// <summary>
/// A province's own LINE Official Account and webhooks for its escalation digests, kept by whoever may read the
/// province's dashboard (its supervisors, national staff, operators). Another province is not found, as on the dashboard.
/// </summary>
public sealed class ProvinceAlertsModel(PlatformDbContext db, AlertSettingsQueries queries, IOptions<AlertChannelOptions> channels) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    public string ProvinceName { get; private set; } = "";
    public AlertConnectionsForm Connections { get; private set; } = null!;

    [BindProperty]
    public LineConnectionInput? Line { get; set; }

    [BindProperty]
    public string? WebhookUrl { get; set; }

    private AlertConnectionOwner Owner => AlertConnectionOwner.Province(Code);

    private string PagePath => $"/dashboards/provinces/{Code}/alerts";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await AllowedAsync(cancellationToken) ? await ShowAsync(null, null, cancellationToken) : NotFound();

    public async Task<IActionResult> OnPostSaveLineAsync([FromServices] SaveLineConnectionHandler handler, CancellationToken cancellationToken) =>
        await AllowedAsync(cancellationToken)
            ? await AnswerAsync(await handler.HandleAsync(Owner, Line ?? new LineConnectionInput(null, null, null, null), cancellationToken), AlertConnectionsForm.LinePrefix, cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostConnectWebhookAsync([FromServices] ConnectWebhookHandler handler, CancellationToken cancellationToken) =>
        await AllowedAsync(cancellationToken)
            ? await AnswerAsync(await handler.HandleAsync(Owner, new WebhookConnectionInput(WebhookUrl), cancellationToken), AlertConnectionsForm.WebhookPrefix, cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostDeleteConnectionAsync(Guid id, [FromServices] DeleteAlertConnectionHandler handler, CancellationToken cancellationToken) =>
        await AllowedAsync(cancellationToken) ? await AnswerAsync(await handler.HandleAsync(Owner, id, cancellationToken), "", cancellationToken) : NotFound();

    /// <summary>The caller's dashboard scope covers the province, and it exists.</summary>
    private async Task<bool> AllowedAsync(CancellationToken cancellationToken)
    {
        if (!User.DashboardScope().Allows(Code))
        {
            return false;
        }

        ProvinceName = await db.Provinces.AsNoTracking().Where(p => p.Code == Code).Select(p => p.NameTh).SingleOrDefaultAsync(cancellationToken) ?? "";
        return ProvinceName.Length > 0;
    }

    private Task<IActionResult> AnswerAsync(CommandResult result, string prefix, CancellationToken cancellationToken) =>
        AlertConnectionsForm.AnswerAsync(this, result, prefix, PagePath, (key, id) => ShowAsync(key, id, cancellationToken));

    private async Task<IActionResult> ShowAsync(string? newKey, Guid? newId, CancellationToken cancellationToken)
    {
        Connections = new AlertConnectionsForm
        {
            PagePath = PagePath, Connections = await queries.ConnectionsAsync(Owner, cancellationToken),
            DefaultLineQuota = channels.Value.DefaultLineMonthlyQuota, NewWebhookKey = newKey, NewWebhookId = newId,
        };
        return Page();
    }
}
