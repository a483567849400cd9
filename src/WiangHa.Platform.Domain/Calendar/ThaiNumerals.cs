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

    /// <summary>
    /// Every decimal digit as 0–9: Thai digits, and any other script's (Arabic-Indic ٦, full-width ６ …), which a
    /// pattern's <c>\d</c> matches too and which <see cref="int.Parse(string)"/> would then refuse.
    /// </summary>
    public static string ToArabicDigits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '0' and <= '9' || !char.IsDigit(c) ? c : (char)('0' + (int)char.GetNumericValue(c)));
        }

        return builder.ToString();
    }
}
