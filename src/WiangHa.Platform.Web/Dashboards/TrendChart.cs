using System.Globalization;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Dashboards;

namespace WiangHa.Platform.Web.Dashboards;

/// <summary>
/// A line chart drawn on the server as inline SVG (no chart library on a slow link): the average projected score
/// across the season, this year solid and last year dashed, each placed by days since its own fiscal year began so
/// the same week of both seasons lines up.
/// </summary>
public sealed class TrendChart
{
    public const int Width = 640;
    public const int Height = 180;
    private const int Left = 34;
    private const int Bottom = 22;
    private const int Top = 8;

    private TrendChart(Trend trend, int days, DateOnly thisStart)
    {
        Trend = trend;
        Days = days;
        ThisStart = thisStart;
    }

    public Trend Trend { get; }
    public int Days { get; }
    public DateOnly ThisStart { get; }

    public bool HasData => Trend.ThisYear.Count > 0 || Trend.LastYear.Count > 0;

    public static TrendChart For(Trend trend)
    {
        // Each series within its own fiscal year (a year's figures recorded after that year are not its season).
        trend = trend with { ThisYear = WithinFiscalYear(trend.ThisYear), LastYear = WithinFiscalYear(trend.LastYear) };
        var thisStart = Start(trend.ThisYear) ?? Start(trend.LastYear)?.AddYears(1) ?? new FiscalYear(trend.Year).Start;
        var lastStart = Start(trend.LastYear) ?? thisStart.AddYears(-1);
        var days = Math.Max(30, Math.Max(Span(trend.ThisYear, thisStart), Span(trend.LastYear, lastStart)));
        return new TrendChart(trend, days, thisStart);
    }

    public string ThisYearPoints => Points(Trend.ThisYear, ThisStart);

    public string LastYearPoints => Points(Trend.LastYear, Start(Trend.LastYear) ?? ThisStart.AddYears(-1));

    public static double Y(decimal score) => Top + (double)(100 - Math.Clamp(score, 0, 100)) / 100 * (Height - Top - Bottom);

    public double X(int day) => Left + (double)day / Days * (Width - Left - 6);

    /// <summary>Month starts inside the span, labelled in Thai (ต.ค., พ.ย., …).</summary>
    public IEnumerable<(double X, string Label)> MonthTicks()
    {
        for (var month = new DateOnly(ThisStart.Year, ThisStart.Month, 1); month.DayNumber - ThisStart.DayNumber <= Days; month = month.AddMonths(1))
        {
            var day = month.DayNumber - ThisStart.DayNumber;
            if (day >= 0)
            {
                yield return (X(day), Common.Ui.IsEnglish ? CultureInfo.GetCultureInfo("en-US").DateTimeFormat.GetAbbreviatedMonthName(month.Month) : ThaiMonth.ShortNames[month.Month - 1]);
            }
        }
    }

    private string Points(IReadOnlyList<TrendPoint> series, DateOnly start) => string.Join(' ', series.Select(p =>
        string.Create(CultureInfo.InvariantCulture, $"{X(p.Day.DayNumber - start.DayNumber):0.#},{Y(p.AverageScore):0.#}")));

    private static List<TrendPoint> WithinFiscalYear(IReadOnlyList<TrendPoint> series) =>
        series.Count == 0 ? [] : series.Where(p => FiscalYear.Containing(p.Day) == FiscalYear.Containing(series[0].Day)).ToList();

    private static DateOnly? Start(IReadOnlyList<TrendPoint> series) => series.Count == 0 ? null : FiscalYear.Containing(series[0].Day).Start;

    private static int Span(IReadOnlyList<TrendPoint> series, DateOnly start) => series.Count == 0 ? 0 : series[^1].Day.DayNumber - start.DayNumber;
}
