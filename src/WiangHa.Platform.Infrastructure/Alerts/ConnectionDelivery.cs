using System.Net;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>What LINE and webhook deliveries share: the row's connection and its secret, and one HTTP exchange.</summary>
internal static class ConnectionDelivery
{
    public const string LineClient = "alerts-line";
    public const string WebhookClient = "alerts-webhook";

    /// <summary>
    /// The connection the row goes out through with its secret in plain text. The sender runs outside any tenant, so
    /// every connection is visible; one switched off since planning, or whose secret cannot be read, is refused for good.
    /// </summary>
    public static async Task<(AlertConnection Connection, string Secret)> LoadAsync(
        PlatformDbContext db, AlertSecrets secrets, AlertMessage message, CancellationToken cancellationToken)
    {
        var connection = await db.AlertConnections.AsNoTracking().SingleOrDefaultAsync(c => c.Id == message.ConnectionId, cancellationToken);
        if (connection is null || connection.Channel != message.Channel)
        {
            throw new PermanentDeliveryException("ไม่พบการเชื่อมต่อของข้อความนี้ (อาจถูกลบแล้ว)");
        }

        if (!connection.Enabled)
        {
            throw new PermanentDeliveryException("การเชื่อมต่อถูกปิดใช้งานหลังจากวางแผนการแจ้งเตือน");
        }

        try
        {
            return (connection, secrets.Unprotect(connection.ProtectedSecret));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new PermanentDeliveryException("อ่านรหัสลับของการเชื่อมต่อไม่ได้ (กุญแจเข้ารหัสเปลี่ยน) กรุณาบันทึกการเชื่อมต่อใหม่");
        }
    }

    /// <summary>
    /// Sends and returns the status code. A timeout becomes a <see cref="TimeoutException"/> (retried later), not a
    /// cancellation, which the sender would take for its own shutdown; an internal address is refused for good.
    /// </summary>
    public static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.StatusCode;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"ไม่ได้รับคำตอบภายใน {client.Timeout.TotalSeconds:0} วินาที", e);
        }
        catch (HttpRequestException e) when (e.InnerException is Common.ForbiddenAddressException forbidden)
        {
            throw new PermanentDeliveryException($"ไม่ส่งไปยังที่อยู่นี้: {forbidden.Message}");
        }
    }

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
