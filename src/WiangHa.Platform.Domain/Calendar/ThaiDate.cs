using System.Globalization;

namespace WiangHa.Platform.Domain.Calendar;

/// <summary>A day written as Thai forms write it: day/month/Buddhist Era year ("1/12/2569", Thai digits too).</summary>
public static class ThaiDate
{
    public const string Pattern = "วว/ดด/ปปปป";

    /// <summary>"1/12/2569" → 1 December 2026; a Gregorian or two-digit year, or a day that does not exist, is refused.</summary>
    public static bool TryParse(string? text, out DateOnly day)
    {
        day = default;
        var parts = ThaiNumerals.ToArabicDigits(text ?? "").Trim().Split('/', '-', '.');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !FiscalYear.IsPlausible(y) || m is < 1 or > 12)
        {
            return false;
        }

        var year = y - FiscalYear.BuddhistEraOffset;
        if (d < 1 || d > DateTime.DaysInMonth(year, m))
        {
            return false;
        }

        day = new DateOnly(year, m, d);
        return true;
    }

    /// <summary>1 December 2026 → "1/12/2569", what <see cref="TryParse"/> reads back.</summary>
    public static string Format(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Day}/{day.Month}/{day.Year + FiscalYear.BuddhistEraOffset}");
}
