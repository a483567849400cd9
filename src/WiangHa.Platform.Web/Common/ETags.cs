using Microsoft.Net.Http.Headers;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Web.Common;

/// <summary>
/// The API carries an entity's concurrency version as its ETag; edits send it back in <c>If-Match</c>. How the headers
/// are enforced is <see cref="ConditionalRequests"/>; this type only reads and writes them.
/// </summary>
public static class ETags
{
    public static string For(Guid version) => $"\"{version:N}\"";

    /// <summary>
    /// The write's precondition from <c>If-Match</c> (a version or <c>*</c>) or <c>If-None-Match: *</c> (create only);
    /// <see cref="ExpectedVersion.Unstated"/> when neither is there. <see cref="ConditionalRequests"/> has refused a
    /// malformed header before an endpoint reads it.
    /// </summary>
    public static ExpectedVersion Expected(HttpRequest request)
    {
        if (IfMatch(request) is { } ifMatch)
        {
            return ifMatch;
        }

        return request.Headers[HeaderNames.IfNoneMatch].ToString().Trim() == "*" ? ExpectedVersion.NoneExisting : ExpectedVersion.Unstated;
    }

    /// <summary><c>If-Match</c> parsed: null when absent; <see cref="ExpectedVersion.Unstated"/> is never returned.</summary>
    public static ExpectedVersion? IfMatch(HttpRequest request)
    {
        var value = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (value == "*")
        {
            return ExpectedVersion.Any;
        }

        return TryParse(value, out var version) ? ExpectedVersion.Exactly(version) : (ExpectedVersion?)null;
    }

    /// <summary>One of our tags: <c>"32 hex digits"</c> (weak tags compare weakly, as RFC 9110 allows for If-None-Match).</summary>
    public static bool TryParse(string tag, out Guid version)
    {
        tag = tag.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal))
        {
            tag = tag[2..];
        }

        version = default;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && Guid.TryParseExact(tag[1..^1], "N", out version);
    }
}
