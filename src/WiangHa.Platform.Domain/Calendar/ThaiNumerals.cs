using System.Text;

namespace WiangHa.Platform.Domain.Calendar;

/// <summary>Thai digits (๐–๙), which official documents use, and back.</summary>
public static class ThaiNumerals
{
    private const char ThaiZero = '๐';

    public static string ToThaiDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '0' and <= '9' ? (char)(ThaiZero + (c - '0')) : c);
        }

        return builder.ToString();
    }

    public static string ToThaiDigits(int number) => ToThaiDigits(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string ToArabicDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= ThaiZero and <= '๙' ? (char)('0' + (c - ThaiZero)) : c);
        }

        return builder.ToString();
    }
}
