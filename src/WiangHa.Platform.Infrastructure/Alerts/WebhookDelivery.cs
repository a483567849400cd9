using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// Posts the outbox row's JSON to the connection's webhook, signed so the receiver knows it came from the platform and
/// is fresh: <c>X-WiangHa-Signature: sha256={hex HMAC-SHA256(key, "{timestamp}.{body}")}</c> with the timestamp (unix
/// seconds) in <c>X-WiangHa-Timestamp</c>, and the alert's id in <c>X-WiangHa-Delivery</c> so a receiver drops repeats.
/// </summary>
public sealed class WebhookDelivery(
    PlatformDbContext db, AlertSecrets secrets, IHttpClientFactory clients, IOptions<AlertChannelOptions> options, TimeProvider clock)
    : IAlertDelivery
{
    public AlertChannel Channel => AlertChannel.Webhook;

    public static string Signature(string key, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public async Task DeliverAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        var (connection, key) = await ConnectionDelivery.LoadAsync(db, secrets, message, cancellationToken);
        // Checked again at sending: a setting changed since saving (loopback switched off) must hold too.
        if (!options.Value.AllowsWebhook(connection.Target))
        {
            throw new PermanentDeliveryException("ที่อยู่ webhook ต้องขึ้นต้นด้วย https://");
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, connection.Target)
        {
            Content = new StringContent(message.TextBody, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-WiangHa-Delivery", message.Id.ToString());
        request.Headers.Add("X-WiangHa-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-WiangHa-Signature", Signature(key, timestamp, message.TextBody));

        var status = await ConnectionDelivery.SendAsync(clients.CreateClient(ConnectionDelivery.WebhookClient), request, cancellationToken);
        if (ConnectionDelivery.IsSuccess(status))
        {
            return;
        }

        if ((int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
        {
            throw new PermanentDeliveryException(status == HttpStatusCode.Gone
                ? "ปลายทาง webhook แจ้งว่ายกเลิกการรับแล้ว (HTTP 410)"
                : $"ปลายทาง webhook ปฏิเสธข้อความ (HTTP {(int)status})");
        }

        throw new HttpRequestException($"ปลายทาง webhook ตอบ HTTP {(int)status} จะลองใหม่ภายหลัง", null, status);
    }
}
