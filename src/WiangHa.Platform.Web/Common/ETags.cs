using Microsoft.Net.Http.Headers;

namespace WiangHa.Platform.Web.Common;

/// <summary>The API carries an entity's concurrency version as its ETag; edits send it back in <c>If-Match</c>.</summary>
public static class ETags
{
    public static string For(Guid version) => $"\"{version:N}\"";

    /// <summary>Reads <c>If-Match</c>; null when absent or not one of our versions.</summary>
    public static Guid? IfMatch(HttpRequest request)
    {
        var value = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return Guid.TryParseExact(value.Trim('"'), "N", out var version) || Guid.TryParse(value.Trim('"'), out version) ? version : null;
    }
}
