using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Alerts;

/// <summary>
/// The LINE and webhook part of an alert settings page, the same for an LAO's admin and a province's supervisor: what
/// the shared partial shows, and how the pages answer its forms. A webhook's key is in <see cref="NewWebhookKey"/> only
/// in the answer to the post that made it, never in a redirect, cookie or TempData.
/// </summary>
public sealed class AlertConnectionsForm
{
    public const string LinePrefix = "Line";
    public const string WebhookPrefix = "WebhookUrl";

    public required string PagePath { get; init; }
    public required IReadOnlyList<AlertConnectionView> Connections { get; init; }
    public required int DefaultLineQuota { get; init; }
    public string? NewWebhookKey { get; init; }
    public Guid? NewWebhookId { get; init; }

    public static string Describe(AlertChannel channel) => channel == AlertChannel.Line ? "LINE Official Account" : "Webhook";

    /// <summary>
    /// Turns a use case's answer into the page's: saved → back to the page with a message; the webhook made → this very
    /// answer shows its key (and is not cached); bad input → the page again with Thai messages beside the fields.
    /// </summary>
    public static async Task<IActionResult> AnswerAsync(PageModel page, CommandResult result, string prefix, string path, Func<string?, Guid?, Task<IActionResult>> show)
    {
        switch (result)
        {
            case WebhookConnected connected:
                page.Response.Headers.CacheControl = "no-store";
                return await show(connected.Key, connected.Id);
            case CommandResult.Success:
                page.TempData["Message"] = Ui.T("บันทึกแล้ว", "Saved.");
                return new RedirectResult(path);
            case CommandResult.NotFound:
                return new NotFoundResult();
            case CommandResult.Invalid invalid:
                foreach (var entry in page.ModelState.Values)
                {
                    entry.Errors.Clear(); // a number that did not bind is reported by the use case's own rules
                }

                // The webhook form has one field, named by the prefix itself.
                page.ModelState.AddErrors(invalid, prefix == WebhookPrefix ? "" : prefix, prefix == WebhookPrefix ? _ => WebhookPrefix : null);

                break;
        }

        return await show(null, null);
    }
}
