using System.Text.Json;

namespace WiangHa.Platform.TestSupport;

/// <summary>
/// A LINE-shaped receiver: the Messaging API's push endpoint at <see cref="BaseAddress"/>, keyed by the push's "to"
/// (the group or user id), so each test plans answers for and reads the pushes of its own target only.
/// </summary>
public sealed class LineReceiver : IAsyncDisposable
{
    private readonly TestHttpReceiver _http;

    private LineReceiver(TestHttpReceiver http) => _http = http;

    public Uri BaseAddress => _http.BaseAddress;

    public static async Task<LineReceiver> StartAsync() => new(await TestHttpReceiver.StartAsync((_, body) => To(body)));

    /// <summary>A fresh group id of LINE's shape ("C" and 32 hex digits).</summary>
    public static string NewGroupId() => "C" + Guid.NewGuid().ToString("N");

    public void Respond(string to, params int[] statuses) => _http.Plan(to, statuses);

    /// <summary>Every push to <paramref name="to"/>, refused ones included, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> PushesTo(string to) => _http.For(to);

    /// <summary>Every push received, to any target.</summary>
    public IReadOnlyCollection<ReceivedRequest> Received => _http.Received;

    private static string To(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("to", out var to) ? to.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    public ValueTask DisposeAsync() => _http.DisposeAsync();
}
