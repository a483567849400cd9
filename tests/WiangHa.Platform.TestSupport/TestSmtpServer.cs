using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace WiangHa.Platform.TestSupport;

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer library) that keeps what it receives, so tests read the mail
/// the platform sent exactly as a mail client would. Waiting is event-driven, never by sleeping.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private Task? _running;

    public int Port { get; } = FreePort();

    public IReadOnlyCollection<MimeMessage> Received => _received;

    /// <summary>While set, every message is refused with 451 (a mail server that is down for now): senders must retry.</summary>
    public bool RefuseMail { get; set; }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("127.0.0.1").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>The first message to <paramref name="to"/> that arrives (or has arrived), within the timeout.</summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string to, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = _received.FirstOrDefault(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)));
            if (found is not null)
            {
                return found;
            }

            await _arrived.WaitAsync(deadline.Token);
        }
    }

    /// <summary>The first http(s) link in the message's text body.</summary>
    public static string FirstLink(MimeMessage message)
    {
        var text = message.TextBody ?? message.HtmlBody ?? "";
        var start = text.IndexOf("http", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("No link in the message.");
        }

        var end = text.IndexOfAny([' ', '\n', '\r', '"', '<'], start);
        return end < 0 ? text[start..] : text[start..end];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
        _arrived.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.RefuseMail)
            {
                return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "4.3.2 try again later");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            server._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            server._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
