using System.Text.RegularExpressions;

namespace WiangHa.Platform.Infrastructure.Common;

/// <summary>Text bound for the logs, without the personal data a remote server's message may quote.</summary>
public static partial class LogText
{
    /// <summary>The text with every email address replaced by <c>[address]</c>.</summary>
    public static string? WithoutAddresses(string? text) => text is null ? null : EmailAddress().Replace(text, "[address]");

    [GeneratedRegex(@"[^\s<>""'(),;:=]+@[^\s<>""'(),;:=]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailAddress();
}
