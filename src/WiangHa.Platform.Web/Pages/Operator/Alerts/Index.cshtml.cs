using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Pages.Operator.Alerts;

/// <summary>
/// The operators' outbox: counts by state and channel, the rows newest first with how delivery went, and a retry for
/// what failed (one row, or every failed row the filter matches).
/// </summary>
public sealed class IndexModel(AlertOutboxQueries outbox, RetryAlertHandler retry, RetryFailedAlertsHandler retryAll) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "state")]
    public AlertState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "channel")]
    public AlertChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OutboxCount> Counts { get; private set; } = [];
    public IReadOnlyList<OutboxRow> Rows { get; private set; } = [];

    private OutboxFilter Filter => new(State, Channel, Search);

    public static string StateLabel(AlertState state) => state switch
    {
        AlertState.Pending => Ui.T("รอส่ง", "Pending"),
        AlertState.Sending => Ui.T("กำลังส่ง", "Sending"),
        AlertState.Sent => Ui.T("ส่งแล้ว", "Sent"),
        AlertState.Failed => Ui.T("ส่งไม่สำเร็จ", "Failed"),
        _ => state.ToString(),
    };

    public static string ChannelLabel(AlertChannel channel) => channel switch
    {
        AlertChannel.InApp => Ui.T("ในระบบ", "In-app"),
        AlertChannel.Email => Ui.T("อีเมล", "Email"),
        AlertChannel.Line => "LINE",
        AlertChannel.Webhook => "Webhook",
        _ => channel.ToString(),
    };

    /// <summary>This page's address with the current filter and the given page.</summary>
    public string PageUrl(int page) => "/operator/alerts" + QueryString.Create(new Dictionary<string, string?>
    {
        ["state"] = State?.ToString(), ["channel"] = Channel?.ToString(), ["q"] = Search, ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(PageNumber, 1);
        Counts = await outbox.CountsAsync(cancellationToken);
        Rows = await outbox.ListAsync(Filter, PageNumber, cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken)
    {
        switch (await retry.HandleAsync(id, cancellationToken))
        {
            case CommandResult.NotFound:
                return NotFound();
            case CommandResult.Conflict conflict:
                TempData["Message"] = conflict.Message;
                break;
            default:
                TempData["Message"] = Ui.T("นำกลับเข้าคิวแล้ว จะส่งใหม่ภายในหนึ่งนาที", "Queued again; it will be sent within a minute.");
                break;
        }

        return Redirect(PageUrl(PageNumber));
    }

    public async Task<IActionResult> OnPostRetryAllAsync(CancellationToken cancellationToken)
    {
        var count = (await retryAll.HandleAsync(Filter, cancellationToken)) is FailedAlertsRetried retried ? retried.Count : 0;
        TempData["Message"] = Ui.T($"นำรายการที่ส่งไม่สำเร็จกลับเข้าคิว {count} รายการ", $"Queued {count} failed alerts again.");
        return Redirect(PageUrl(1));
    }
}
