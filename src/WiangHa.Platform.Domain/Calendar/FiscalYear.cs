namespace WiangHa.Platform.Domain.Calendar;

/// <summary>
/// Thai government fiscal year (ปีงบประมาณ), named by its Buddhist Era year: FY 2566 runs 1 Oct 2022 – 30 Sep 2023.
/// </summary>
public readonly record struct FiscalYear(int BuddhistYear) : IComparable<FiscalYear>
{
    /// <summary>Buddhist Era = Common Era + 543.</summary>
    public const int BuddhistEraOffset = 543;

    /// <summary>The range we accept from users: the platform's ITA era, with room either side.</summary>
    public const int MinBuddhistYear = 2550;
    public const int MaxBuddhistYear = 2600;

    public DateOnly Start => new(BuddhistYear - BuddhistEraOffset - 1, 10, 1);
    public DateOnly End => new(BuddhistYear - BuddhistEraOffset, 9, 30);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public static FiscalYear Containing(DateOnly date) =>
        new(date.Month >= 10 ? date.Year + BuddhistEraOffset + 1 : date.Year + BuddhistEraOffset);

    /// <summary>The fiscal year at an instant, as the calendar reads in Thailand (Asia/Bangkok).</summary>
    public static FiscalYear Containing(DateTimeOffset instant) => Containing(DateOnly.FromDateTime(ThaiTime.ToBangkok(instant).DateTime));

    public static bool IsPlausible(int buddhistYear) => buddhistYear is >= MinBuddhistYear and <= MaxBuddhistYear;

    public int CompareTo(FiscalYear other) => BuddhistYear.CompareTo(other.BuddhistYear);

    public override string ToString() => BuddhistYear.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool operator <(FiscalYear left, FiscalYear right) => left.CompareTo(right) < 0;
    public static bool operator >(FiscalYear left, FiscalYear right) => left.CompareTo(right) > 0;
    public static bool operator <=(FiscalYear left, FiscalYear right) => left.CompareTo(right) <= 0;
    public static bool operator >=(FiscalYear left, FiscalYear right) => left.CompareTo(right) >= 0;
}

public static class ThaiTime
{
    // Thailand has kept UTC+7 without daylight saving since 1920; the fixed offset avoids depending on tzdata.
    public static readonly TimeSpan BangkokOffset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToBangkok(DateTimeOffset instant) => instant.ToOffset(BangkokOffset);
}
