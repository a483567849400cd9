using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Alerts;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Tenant.Alerts;

/// <summary>The LAO's admin chooses who receives its deadline alerts and connects its LINE Official Account and webhooks.</summary>
[Authorize(Policy = TenantPolicies.Admin)]
public sealed class IndexModel(IMultiTenantContextAccessor tenant, AlertSettingsQueries queries, IOptions<AlertChannelOptions> channels) : TenantPageModel(tenant)
{
    public IReadOnlyList<MemberReceptionView> Members { get; private set; } = [];
    public AlertConnectionsForm Connections { get; private set; } = null!;

    [BindProperty]
    public LineConnectionInput? Line { get; set; }

    [BindProperty]
    public string? WebhookUrl { get; set; }

    private AlertConnectionOwner Owner => AlertConnectionOwner.Lao(Tenant.Id);

    public static readonly IReadOnlyList<(AlertReception Value, string Th, string En)> Receptions =
    [
        (AlertReception.None, "ไม่รับ", "None"),
        (AlertReception.InApp, "ในระบบเท่านั้น", "In the app only"),
        (AlertReception.InAppAndEmail, "ในระบบและอีเมล", "In the app and by email"),
    ];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(null, null, cancellationToken);

    public async Task<IActionResult> OnPostSetReceptionAsync(Guid membershipId, AlertReception reception, [FromServices] SetAlertReceptionHandler handler, CancellationToken cancellationToken) =>
        await AnswerAsync(ModelState.IsValid ? await handler.HandleAsync(membershipId, reception, cancellationToken)
            : CommandResult.InvalidField(SetAlertReceptionHandler.Field, "ช่องทางรับการแจ้งเตือนไม่ถูกต้อง"), "", cancellationToken);

    public async Task<IActionResult> OnPostSaveLineAsync([FromServices] SaveLineConnectionHandler handler, CancellationToken cancellationToken) =>
        await AnswerAsync(await handler.HandleAsync(Owner, Line ?? new LineConnectionInput(null, null, null, null), cancellationToken), AlertConnectionsForm.LinePrefix, cancellationToken);

    public async Task<IActionResult> OnPostConnectWebhookAsync([FromServices] ConnectWebhookHandler handler, CancellationToken cancellationToken) =>
        await AnswerAsync(await handler.HandleAsync(Owner, new WebhookConnectionInput(WebhookUrl), cancellationToken), AlertConnectionsForm.WebhookPrefix, cancellationToken);

    public async Task<IActionResult> OnPostDeleteConnectionAsync(Guid id, [FromServices] DeleteAlertConnectionHandler handler, CancellationToken cancellationToken) =>
        await AnswerAsync(await handler.HandleAsync(Owner, id, cancellationToken), "", cancellationToken);

    private Task<IActionResult> AnswerAsync(CommandResult result, string prefix, CancellationToken cancellationToken) =>
        AlertConnectionsForm.AnswerAsync(this, result, prefix, TenantPath("/alerts"), async (key, id) =>
        {
            await LoadAsync(key, id, cancellationToken);
            return Page();
        });

    private async Task LoadAsync(string? newKey, Guid? newId, CancellationToken cancellationToken)
    {
        Members = await queries.ReceptionsAsync(Tenant.Id, cancellationToken);
        Connections = new AlertConnectionsForm
        {
            PagePath = TenantPath("/alerts"), Connections = await queries.ConnectionsAsync(Owner, cancellationToken),
            DefaultLineQuota = channels.Value.DefaultLineMonthlyQuota, NewWebhookKey = newKey, NewWebhookId = newId,
        };
    }

    public static string ReceptionText(AlertReception reception) => Receptions.Where(r => r.Value == reception).Select(r => Ui.T(r.Th, r.En)).Single();
}
