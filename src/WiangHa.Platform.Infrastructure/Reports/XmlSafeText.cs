using System.Text;

namespace WiangHa.Platform.Infrastructure.Reports;

/// <summary>
/// Text as an XML document may hold it. DOCX and XLSX are XML, which has no place for control characters (other than
/// tab and line breaks), U+FFFE/U+FFFF or a lone surrogate; one such character in a stored measure used to make the
/// whole year's documents, public links included, answer 500. The writers drop them, so a document never fails on
/// text already saved; the input boundary refusing them is the other half.
/// </summary>
public static class XmlSafeText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) ? i > 0 && char.IsHighSurrogate(text[i - 1])
                : c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF');
            if (!keep)
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
            }
            else
            {
                clean?.Append(c);
            }
        }

        return clean?.ToString() ?? text;
    }
}
