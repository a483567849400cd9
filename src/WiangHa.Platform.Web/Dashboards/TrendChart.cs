using Microsoft.AspNetCore.Html;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.Web.Dashboards;

/// <summary>
/// The average projected score across the season as a <see cref="ScoreChart"/>: this year solid and last year dashed,
/// each placed by days since its own fiscal year began so the same week of both seasons lines up (the x axis is
/// labelled with this year's dates).
/// </summary>
public sealed class TrendChart
{
    /// <summary>The ITA pass mark the line is drawn at (the OIT's 85).</summary>
    public const decimal PassMark = 85;

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

    /// <summary>What the chart shows in words (its accessible name): where this year's line starts and ends, last year's end, the pass mark.</summary>
    public string Description
    {
        get
        {
            var text = Ui.T($"คะแนนเฉลี่ยคาดการณ์ของ{Trend.NameTh} ปี {Trend.Year}", $"Average projected score of {Trend.NameTh}, {Trend.Year}");
            if (Trend.ThisYear is [var first, .., var last])
            {
                text += Ui.T($": จาก {first.AverageScore:0.00} ({ScoreChart.ShortDate(first.Day)}) เป็น {last.AverageScore:0.00} ({ScoreChart.ShortDate(last.Day)})",
                    $": from {first.AverageScore:0.00} ({ScoreChart.ShortDate(first.Day)}) to {last.AverageScore:0.00} ({ScoreChart.ShortDate(last.Day)})");
            }
            else if (Trend.ThisYear is [var only])
            {
                text += Ui.T($": {only.AverageScore:0.00} ({ScoreChart.ShortDate(only.Day)})", $": {only.AverageScore:0.00} ({ScoreChart.ShortDate(only.Day)})");
            }

            if (Trend.LastYear is [.., var previous])
            {
                text += Ui.T($"; ปี {Trend.Year - 1} ช่วงเดียวกันล่าสุด {previous.AverageScore:0.00}", $"; {Trend.Year - 1} over the same weeks ended at {previous.AverageScore:0.00}");
            }

            return text + Ui.T($"; เกณฑ์ผ่าน {PassMark:0}", $"; pass mark {PassMark:0}");
        }
    }

    /// <summary>The chart as inline SVG.</summary>
    public IHtmlContent Svg()
    {
        var lastStart = Start(Trend.LastYear) ?? ThisStart.AddYears(-1);
        var chart = new ScoreChart(ThisStart, ThisStart.AddDays(Days), PassMark, Description);
        return chart.Render(
            new ScoreSeries(Aligned(Trend.LastYear, lastStart), "#adb5bd", 2, "6 4"),
            new ScoreSeries(Aligned(Trend.ThisYear, ThisStart), "#0d6efd"));
    }

    /// <summary>Each point on this year's calendar, by its days since its own season began.</summary>
    private List<(double Day, decimal Score)> Aligned(IReadOnlyList<TrendPoint> series, DateOnly start) =>
        series.Select(p => ((double)(ThisStart.DayNumber + p.Day.DayNumber - start.DayNumber), p.AverageScore)).ToList();

    private static List<TrendPoint> WithinFiscalYear(IReadOnlyList<TrendPoint> series) =>
        series.Count == 0 ? [] : series.Where(p => FiscalYear.Containing(p.Day) == FiscalYear.Containing(series[0].Day)).ToList();

    private static DateOnly? Start(IReadOnlyList<TrendPoint> series) => series.Count == 0 ? null : FiscalYear.Containing(series[0].Day).Start;

    private static int Span(IReadOnlyList<TrendPoint> series, DateOnly start) => series.Count == 0 ? 0 : series[^1].Day.DayNumber - start.DayNumber;
}
