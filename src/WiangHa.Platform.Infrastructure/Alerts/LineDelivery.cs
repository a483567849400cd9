using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// Pushes an alert through the LAO's (or province's) own LINE Official Account with the Messaging API's push endpoint.
/// The account's monthly quota is checked first, so the platform never spends messages the account does not have.
/// The alert's id is LINE's retry key: a push retried after a lost answer is accepted once (a 409 says it already was).
/// </summary>
public sealed class LineDelivery(
    PlatformDbContext db, AlertSecrets secrets, AlertSettingsQueries queries, IHttpClientFactory clients, IOptions<AlertChannelOptions> options)
    : IAlertDelivery
{
    /// <summary>The longest text message LINE accepts.</summary>
    public const int MaxTextLength = 5000;

    public AlertChannel Channel => AlertChannel.Line;

    public async Task DeliverAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        var (connection, token) = await ConnectionDelivery.LoadAsync(db, secrets, message, cancellationToken);
        var quota = connection.MonthlyQuota ?? options.Value.DefaultLineMonthlyQuota;
        if (await queries.SentThisMonthAsync(connection.Id, cancellationToken) >= quota)
        {
            throw new PermanentDeliveryException($"เกินโควตา LINE ของเดือนนี้ ({quota} ข้อความ)");
        }

        var text = message.TextBody.Length <= MaxTextLength ? message.TextBody : message.TextBody[..(MaxTextLength - 1)] + "…";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.LineApiBaseAddress, "/v2/bot/message/push"))
        {
            Content = JsonContent.Create(new { to = connection.Target, messages = new[] { new { type = "text", text } } }, options: AlertWebhookPayload.Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Line-Retry-Key", message.Id.ToString());

        var status = await ConnectionDelivery.SendAsync(clients.CreateClient(ConnectionDelivery.LineClient), request, cancellationToken);
        if (ConnectionDelivery.IsSuccess(status) || status == HttpStatusCode.Conflict)
        {
            return; // 409 with a retry key: an earlier attempt was accepted
        }

        if (status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            throw new PermanentDeliveryException($"LINE ปฏิเสธข้อความ (HTTP {(int)status}): {Reason(status)}");
        }

        throw new HttpRequestException($"LINE ตอบ HTTP {(int)status} จะลองใหม่ภายหลัง", null, status);
    }

    private static string Reason(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "channel access token ไม่ถูกต้องหรือถูกยกเลิก",
        HttpStatusCode.Forbidden => "บัญชีไม่มีสิทธิ์ส่งข้อความแบบ push",
        HttpStatusCode.NotFound => "ไม่พบกลุ่มหรือผู้ใช้ปลายทาง",
        _ => "ข้อความหรือปลายทางไม่ถูกต้อง",
    };
}
