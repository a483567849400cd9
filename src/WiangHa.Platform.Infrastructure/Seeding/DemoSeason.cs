using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Compliance;

namespace WiangHa.Platform.Infrastructure.Seeding;

/// <summary>
/// The nights of generated history, counted from the injected clock: one night a week (Monday, the night the retention
/// policy keeps) from the first Monday of October of the current fiscal year up to the week before today, and the same
/// weeks of the year before, for last year's season.
/// </summary>
public sealed record DemoSeason(DateOnly Today, IReadOnlyList<DateOnly> Nights, IReadOnlyList<DateOnly> LastYearNights)
{
    /// <summary>Bangkok time of the nightly run (the scheduler's default cron, 02:00).</summary>
    public static readonly TimeOnly NightlyAt = new(2, 0);

    public static DemoSeason At(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(now).DateTime);
        var thisYear = Weekly(FirstMonday(FiscalYear.Containing(today).Start), today.AddDays(-7));
        var lastYearStart = FirstMonday(FiscalYear.Containing(today.AddYears(-1)).Start);
        return new DemoSeason(today, thisYear, [.. thisYear.Select((_, week) => lastYearStart.AddDays(7 * week))]);
    }

    /// <summary>The instant (UTC) of a night's run.</summary>
    public static DateTimeOffset RunTimeOf(DateOnly night) =>
        new DateTimeOffset(night.ToDateTime(NightlyAt), ThaiTime.BangkokOffset).ToUniversalTime();

    /// <summary>The night's idempotency slot, as the nightly job names it.</summary>
    public static string SlotOf(DateOnly night) => ComplianceRunner.NightlySlot(RunTimeOf(night));

    private static DateOnly FirstMonday(DateOnly from) => from.AddDays(((int)DayOfWeek.Monday - (int)from.DayOfWeek + 7) % 7);

    private static List<DateOnly> Weekly(DateOnly first, DateOnly last)
    {
        var nights = new List<DateOnly>();
        for (var night = first; night <= last; night = night.AddDays(7))
        {
            nights.Add(night);
        }

        return nights;
    }
}
