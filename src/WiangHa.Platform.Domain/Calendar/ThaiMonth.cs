using System.Globalization;

namespace WiangHa.Platform.Domain.Calendar;

/// <summary>
/// A calendar month, as measures state their period ("ตุลาคม ๒๕๖๕ ถึง มีนาคม ๒๕๖๖"). Stored as the first day of the
/// month (Common Era); shown with the Buddhist Era year.
/// </summary>
public readonly record struct ThaiMonth(int Year, int Month) : IComparable<ThaiMonth>
{
    public static readonly IReadOnlyList<string> FullNames =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    public static readonly IReadOnlyList<string> ShortNames =
    [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ];

    public int BuddhistYear => Year + FiscalYear.BuddhistEraOffset;

    public DateOnly FirstDay => new(Year, Month, 1);

    public static ThaiMonth FromBuddhist(int buddhistYear, int month) => new(buddhistYear - FiscalYear.BuddhistEraOffset, month);

    public static ThaiMonth From(DateOnly date) => new(date.Year, date.Month);

    public string ToThai(bool thaiDigits = false)
    {
        var text = $"{FullNames[Month - 1]} {BuddhistYear.ToString(CultureInfo.InvariantCulture)}";
        return thaiDigits ? ThaiNumerals.ToThaiDigits(text) : text;
    }

    /// <summary>Parses "ตุลาคม ๒๕๖๕", "ต.ค. 2565" or "ตุลาคม 65" (two-digit BE years are common in Thai offices).</summary>
    public static bool TryParseThai(string? text, out ThaiMonth month)
    {
        month = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = ThaiNumerals.ToArabicDigits(text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        var index = IndexOfName(parts[0]);
        if (index < 0)
        {
            return false;
        }

        if (year < 100)
        {
            year += 2500;
        }

        if (!FiscalYear.IsPlausible(year) && !FiscalYear.IsPlausible(year + 1))
        {
            return false;
        }

        month = FromBuddhist(year, index + 1);
        return true;
    }

    private static int IndexOfName(string name)
    {
        for (var i = 0; i < 12; i++)
        {
            if (FullNames[i] == name || ShortNames[i] == name || ShortNames[i].TrimEnd('.') == name.TrimEnd('.'))
            {
                return i;
            }
        }

        return -1;
    }

    public int CompareTo(ThaiMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(ThaiMonth left, ThaiMonth right) => left.CompareTo(right) < 0;
    public static bool operator >(ThaiMonth left, ThaiMonth right) => left.CompareTo(right) > 0;
    public static bool operator <=(ThaiMonth left, ThaiMonth right) => left.CompareTo(right) <= 0;
    public static bool operator >=(ThaiMonth left, ThaiMonth right) => left.CompareTo(right) >= 0;
}
