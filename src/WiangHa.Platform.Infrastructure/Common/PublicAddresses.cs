using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace WiangHa.Platform.Infrastructure.Common;

/// <summary>A connection refused because the address is internal, private or reserved.</summary>
public sealed class ForbiddenAddressException(string message) : Exception(message);

/// <summary>
/// Where URLs typed by a tenant (evidence links, webhooks) may lead: public addresses only. Loopback only when a test
/// or a single-machine demo allows it.
/// </summary>
public static class PublicAddresses
{
    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host itself and connects only to public
    /// addresses, so a name that resolves inside (or is rebound to) a private network is refused at connect time.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowLoopback, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => !IsForbidden(a, allowLoopback)).ToList();
        if (allowed.Count == 0 || allowed.Count != addresses.Length)
        {
            // Any forbidden answer refuses the host: a name that resolves partly inside is a rebinding attempt.
            throw new ForbiddenAddressException("ชื่อโดเมนชี้ไปยังที่อยู่ภายในหรือที่อยู่ส่วนตัว");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed[0], context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for addresses a tenant-typed URL must never reach.</summary>
    public static bool IsForbidden(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return !allowLoopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or >= 224 => true,                       // "this" network, private, multicast and reserved
                100 => b[1] is >= 64 and <= 127,                 // carrier-grade NAT
                169 => b[1] == 254,                              // link-local, including 169.254.169.254 (cloud metadata)
                172 => b[1] is >= 16 and <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2) || (b[1] == 88 && b[2] == 99),
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
                203 => b[1] == 0 && b[2] == 113,
                _ => false,
            };
        }

        if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return true;
        }

        var bytes = address.GetAddressBytes();
        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0)
        {
            return true; // Teredo (2001::/32): tunnels to an IPv4 address hidden in the address itself
        }

        // IPv6 forms that carry an IPv4 address are judged by it, so ::127.0.0.1 is loopback and 64:ff9b::a9fe:a9fe is
        // the metadata service.
        if (EmbeddedIPv4(bytes) is { } embedded)
        {
            return IsForbidden(embedded, allowLoopback);
        }

        // fd00:ec2::254 (AWS metadata over IPv6) is inside fc00::/7, already refused above; 2001:db8::/32 is documentation.
        return bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8;
    }

    /// <summary>
    /// The IPv4 address inside an IPv4-compatible (::a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64
    /// (64:ff9b::/96, 64:ff9b:1::/48) or 6to4 (2002:AABB:CCDD::/48) address; null for any other IPv6 address.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(byte[] b)
    {
        static bool Zero(byte[] bytes, int from, int to) => bytes[from..to].All(x => x == 0);
        if (Zero(b, 0, 12) || (Zero(b, 0, 8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0))
        {
            return new IPAddress(b[12..16]);
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && (Zero(b, 4, 12) || (b[4] == 0 && b[5] == 1)))
        {
            return new IPAddress(b[12..16]);
        }

        return b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b[2..6]) : null;
    }
}
