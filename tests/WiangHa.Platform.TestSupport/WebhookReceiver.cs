using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WiangHa.Platform.TestSupport;

/// <summary>
/// A webhook receiver as a subscriber would run one: each test gets its own URL (<see cref="NewUrl"/>), and
/// <see cref="SignatureIsValid"/> checks a request the way the key's instructions tell a receiver to.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly TestHttpReceiver _http;

    private WebhookReceiver(TestHttpReceiver http) => _http = http;

    public static async Task<WebhookReceiver> StartAsync() => new(await TestHttpReceiver.StartAsync((request, _) => request.Path.Value ?? ""));

    public string NewUrl() => new Uri(_http.BaseAddress, $"hooks/{Guid.NewGuid():N}").ToString();

    public void Respond(string url, params int[] statuses) => _http.Plan(new Uri(url).AbsolutePath, statuses);

    public IReadOnlyList<ReceivedRequest> PostsTo(string url) => _http.For(new Uri(url).AbsolutePath);

    /// <summary>Every post received, to any URL.</summary>
    public IReadOnlyCollection<ReceivedRequest> Received => _http.Received;

    /// <summary>HMAC-SHA256 with the key (its UTF-8 bytes) of "{timestamp}.{body}", lowercase hex, as "sha256=…".</summary>
    public static bool SignatureIsValid(string key, ReceivedRequest request)
    {
        var timestamp = request.Header("X-WiangHa-Timestamp");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        var expected = "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(request.Header("X-WiangHa-Signature")));
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
