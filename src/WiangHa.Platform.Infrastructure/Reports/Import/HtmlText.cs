using System.Net;
using System.Text.RegularExpressions;

namespace WiangHa.Platform.Infrastructure.Reports.Import;

/// <summary>
/// Text pasted from a web page into a report (the seed's own format, or a Word or Excel cell): <c>&lt;br&gt;</c> and
/// block tags end a line, so numbered points stay apart; inline tags (<c>&lt;b&gt;</c>, <c>&lt;span …&gt;</c>) are
/// removed without a space, because Thai has no spaces between words and "ค&lt;b&gt;ำ&lt;/b&gt;สั่ง" is one word;
/// entities (<c>&amp;nbsp;</c>, <c>&amp;amp;</c>) are decoded. Only HTML's own tag names are touched, so a "&lt;5 ปี&gt;"
/// typed in Word stays.
/// </summary>
public static partial class HtmlText
{
    /// <summary>The lines a paragraph shows, with its inline markup gone.</summary>
    public static IEnumerable<string> Lines(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (paragraph.IndexOf('<', StringComparison.Ordinal) < 0 && paragraph.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return [paragraph];
        }

        var text = Inline().Replace(paragraph, "");
        return LineBreak().Split(text).Select(line => Entity().Replace(line, m => WebUtility.HtmlDecode(m.Value)));
    }

    /// <summary>Whether the text holds HTML markup this class removes (for the preview's notice).</summary>
    public static bool HasMarkup(string text) => text is not null && (Inline().IsMatch(text) || LineBreak().IsMatch(text));

    [GeneratedRegex(@"<\s*br\s*/?\s*>|</?\s*(?:p|div|li|ul|ol|tr|td|th|h[1-6]|table|tbody|thead|blockquote)(?:\s[^<>]*)?/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</?\s*(?:b|i|u|s|em|strong|span|font|a|sup|sub|small|big|mark|ins|del|strike|tt|code|abbr|o:p|label|nobr|wbr)(?:\s[^<>]*)?/?>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Inline();

    [GeneratedRegex(@"&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();
}
