using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Infrastructure.Compliance;

public sealed class LinkCheckerOptions
{
    public const string SectionName = "Compliance:LinkChecker";

    /// <summary>Tests only: lets the checker reach 127.0.0.1 / ::1 (never other private ranges).</summary>
    public bool AllowLoopback { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Further tries when a link is unreachable (DNS, refused, timeout): such a link fails its item, so a blip must not.</summary>
    public int Retries { get; set; } = 1;

    /// <summary>Bytes read from a body at most; the rest is not downloaded.</summary>
    public int MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Politeness: the least time between two requests to the same host.</summary>
    public TimeSpan PerHostInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public string UserAgent { get; set; } = "WiangHaPlatform-LinkChecker/1.0 (+ITA evidence check)";
}

/// <summary>What one check found (stored as <see cref="LinkCheck"/>).</summary>
public sealed record LinkCheckReport(string Url, LinkOutcome Outcome, int? StatusCode, string? ContentType, string? FinalUrl, string? Detail, IReadOnlyCollection<int> YearsMentioned, bool IsText);

/// <summary>
/// Fetches addresses that tenants typed, safely: http(s) only; DNS resolved here and every address checked against
/// private, loopback, link-local and metadata ranges before connecting (so also after redirects and DNS tricks);
/// redirects followed by hand (limit, each hop re-checked); timeouts, a body size cap and a polite rate per host.
/// </summary>
public sealed partial class LinkChecker : IDisposable
{
    private readonly LinkCheckerOptions _options;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock;

    public LinkChecker(IOptions<LinkCheckerOptions> linkCheckerOptions, TimeProvider clock)
    {
        var options = linkCheckerOptions.Value;
        _options = options;
        _clock = clock;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            UseProxy = false,
            ConnectCallback = ConnectSafelyAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    /// <summary>Checks once, and again up to <see cref="LinkCheckerOptions.Retries"/> times while unreachable.</summary>
    public async Task<LinkCheckReport> CheckAsync(string url, CancellationToken cancellationToken = default)
    {
        var report = await CheckOnceAsync(url, cancellationToken);
        var tries = 1;
        while (report.Outcome == LinkOutcome.Unreachable && tries <= _options.Retries)
        {
            report = await CheckOnceAsync(url, cancellationToken);
            tries++;
        }

        return tries > 1 && report.Outcome == LinkOutcome.Unreachable
            ? report with { Detail = $"{report.Detail}, ลอง {tries.ToString(CultureInfo.InvariantCulture)} ครั้ง" }
            : report;
    }

    private async Task<LinkCheckReport> CheckOnceAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return Report(url, LinkOutcome.Refused, null, null, null, "ตรวจได้เฉพาะลิงก์ http:// หรือ https://");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            for (var hop = 0; hop <= _options.MaxRedirects; hop++)
            {
                if (IsLiteralForbidden(uri))
                {
                    return Report(url, LinkOutcome.Refused, null, null, uri.ToString(), "ที่อยู่ภายในหรือที่อยู่ส่วนตัว ไม่ใช่เว็บไซต์สาธารณะ");
                }

                await _hosts.GetOrAdd(uri.IdnHost, _ => new HostGate()).WaitTurnAsync(_options.PerHostInterval, _clock, timeout.Token);
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return Report(url, LinkOutcome.Refused, status, null, next.ToString(), "เปลี่ยนเส้นทางไปยังที่อยู่ที่ไม่ใช่ http(s)");
                    }

                    uri = next;
                    continue;
                }

                var contentType = response.Content.Headers.ContentType?.MediaType;
                if (status is < 200 or >= 300)
                {
                    return Report(url, LinkOutcome.Broken, status, contentType, uri.ToString(), $"HTTP {status.ToString(CultureInfo.InvariantCulture)}");
                }

                var isText = contentType is null || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || contentType.Contains("html", StringComparison.OrdinalIgnoreCase);
                var years = isText ? YearsIn(await ReadCappedAsync(response, timeout.Token)) : [];
                return new LinkCheckReport(url, LinkOutcome.Ok, status, contentType, uri.ToString(), isText ? null : "ไม่ใช่หน้าเว็บ (ตรวจปีในเอกสารไม่ได้)", years, isText);
            }

            return Report(url, LinkOutcome.Broken, null, null, uri.ToString(), $"เปลี่ยนเส้นทางเกิน {_options.MaxRedirects.ToString(CultureInfo.InvariantCulture)} ครั้ง");
        }
        catch (ForbiddenAddressException e)
        {
            return Report(url, LinkOutcome.Refused, null, null, uri.ToString(), e.Message);
        }
        catch (HttpRequestException e) when (e.InnerException is ForbiddenAddressException forbidden)
        {
            return Report(url, LinkOutcome.Refused, null, null, uri.ToString(), forbidden.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Report(url, LinkOutcome.Unreachable, null, null, uri.ToString(), $"หมดเวลา {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} วินาที");
        }
        catch (HttpRequestException e)
        {
            return Report(url, LinkOutcome.Unreachable, null, null, uri.ToString(), e.HttpRequestError == HttpRequestError.NameResolutionError ? "ไม่พบชื่อโดเมน" : "เชื่อมต่อไม่ได้");
        }
    }

    private static LinkCheckReport Report(string url, LinkOutcome outcome, int? status, string? contentType, string? finalUrl, string detail) =>
        new(url, outcome, status, contentType, finalUrl, detail, [], false);

    private async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[_options.MaxBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total, buffer.Length - total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    /// <summary>Buddhist Era years (25xx) written in Arabic or Thai digits.</summary>
    public static IReadOnlyCollection<int> YearsIn(string text)
    {
        var years = new SortedSet<int>();
        foreach (Match m in YearPattern().Matches(text))
        {
            var digits = string.Concat(m.Value.Select(c => c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c));
            years.Add(int.Parse(digits, CultureInfo.InvariantCulture));
        }

        return years;
    }

    [GeneratedRegex("(?<![0-9๐-๙])(25[0-9]{2}|๒๕[๐-๙]{2})(?![0-9๐-๙])")]
    private static partial Regex YearPattern();

    private bool IsLiteralForbidden(Uri uri) =>
        IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IsForbidden(ip, _options.AllowLoopback);

    private ValueTask<Stream> ConnectSafelyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken) =>
        PublicAddresses.ConnectAsync(context, _options.AllowLoopback, cancellationToken);

    /// <summary>True for addresses a tenant-typed URL must never reach (<see cref="PublicAddresses.IsForbidden"/>).</summary>
    public static bool IsForbidden(IPAddress address, bool allowLoopback) => PublicAddresses.IsForbidden(address, allowLoopback);

    public void Dispose()
    {
        _client.Dispose();
        foreach (var gate in _hosts.Values)
        {
            gate.Dispose();
        }
    }

    /// <summary>One request at a time per host, at least the configured interval apart.</summary>
    private sealed class HostGate : IDisposable
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        public async Task WaitTurnAsync(TimeSpan interval, TimeProvider clock, CancellationToken cancellationToken)
        {
            await _lock.WaitAsync(cancellationToken);
            try
            {
                var wait = _next - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, cancellationToken);
                }

                _next = clock.GetUtcNow() + interval;
            }
            finally
            {
                _lock.Release();
            }
        }

        public void Dispose() => _lock.Dispose();
    }
}
