using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using WiangHa.Platform.Domain.Calendar;

namespace WiangHa.Platform.Web.Common;

/// <summary>One line of a <see cref="ScoreChart"/>: points as (day number, score), day numbers as <see cref="DateOnly.DayNumber"/> (fractions allowed).</summary>
public sealed record ScoreSeries(IReadOnlyList<(double Day, decimal Score)> Points, string Colour, double Width = 2.5, string? Dash = null);

/// <summary>
/// A score-over-time line chart drawn on the server as inline SVG (no chart library on a slow link, no script): a
/// y axis 0–100 with ticks, an x axis of Thai short dates with Buddhist Era years ("1 ธ.ค. 69", or "ธ.ค. 69" over a
/// season), the pass mark as a labelled dashed line, and an accessible name that says what the lines show.
/// </summary>
/// <param name="width">The drawing's width in SVG units: narrower for a narrow card, so its text is not shrunk.</param>
public sealed class ScoreChart(DateOnly from, DateOnly to, decimal passMark, string description, int width = 640)
{
    public const int Height = 200;
    private const int Left = 38;
    private const int Right = 12;
    private const int Top = 10;
    private const int Bottom = 26;
    private static readonly int[] YTicks = [0, 20, 40, 60, 80, 100];
    private const string Grey = "#6c757d";

    private readonly DateOnly _to = to > from ? to : from.AddDays(1);

    /// <summary>The fractional day number of an instant in Bangkok (several checks a day stand apart).</summary>
    public static double DayOf(DateTimeOffset instant)
    {
        var local = ThaiTime.ToBangkok(instant);
        return DateOnly.FromDateTime(local.DateTime).DayNumber + local.TimeOfDay.TotalDays;
    }

    /// <summary>"1 ธ.ค. 69" (English "1 Dec 69"): a short date with the two last digits of the Buddhist Era year.</summary>
    public static string ShortDate(DateOnly day) => $"{day.Day.ToString(CultureInfo.InvariantCulture)} {ShortMonth(day)}";

    /// <summary>"ธ.ค. 69" (English "Dec 69").</summary>
    public static string ShortMonth(DateOnly day)
    {
        var month = Ui.IsEnglish ? CultureInfo.GetCultureInfo("en-US").DateTimeFormat.GetAbbreviatedMonthName(day.Month) : ThaiMonth.ShortNames[day.Month - 1];
        return FormattableString.Invariant($"{month} {(day.Year + FiscalYear.BuddhistEraOffset) % 100:00}");
    }

    public int Width => width;

    public static double Y(decimal score) => Top + (double)(100 - Math.Clamp(score, 0, 100)) / 100 * (Height - Top - Bottom);

    public double X(double day) => Left + (day - from.DayNumber) / (_to.DayNumber - from.DayNumber) * (Width - Left - Right);

    /// <summary>Labelled x positions: every few days over a short span, month starts over a season.</summary>
    public IEnumerable<(double X, string Label)> DateTicks()
    {
        var span = _to.DayNumber - from.DayNumber;
        if (span <= 45)
        {
            var step = new[] { 1, 2, 3, 7, 14 }.First(s => span / s <= 6 || s == 14);
            for (var day = from; day <= _to; day = day.AddDays(step))
            {
                yield return (X(day.DayNumber), ShortDate(day));
            }

            yield break;
        }

        var months = (span / 30) + 1;
        var monthStep = months <= 8 ? 1 : months <= 16 ? 2 : 3;
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= _to; month = month.AddMonths(monthStep))
        {
            if (month >= from)
            {
                yield return (X(month.DayNumber), ShortMonth(month));
            }
        }
    }

    public IHtmlContent Render(params IReadOnlyList<ScoreSeries> series)
    {
        var svg = new StringBuilder();
        var bottom = Y(0);
        svg.Append(Invariant($"<svg viewBox=\"0 0 {Width} {Height}\" class=\"w-100\" style=\"max-height:{Height + 20}px\" role=\"img\" aria-label=\"{Encode(description)}\" data-testid=\"score-chart\">"));
        svg.Append(Invariant($"<title>{Encode(description)}</title>"));
        foreach (var tick in YTicks)
        {
            var y = Y(tick);
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e9ecef\" />"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y:0.#}\" font-size=\"11\" text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"{Grey}\" data-axis=\"y\">{tick}</text>"));
        }

        svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{bottom:0.#}\" stroke=\"{Grey}\" />"));
        svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{bottom:0.#}\" y2=\"{bottom:0.#}\" stroke=\"{Grey}\" />"));
        foreach (var (x, label) in DateTicks())
        {
            svg.Append(Invariant($"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{bottom:0.#}\" y2=\"{bottom + 4:0.#}\" stroke=\"{Grey}\" />"));
            // Labels at either end are anchored inwards, so none is cut off at the edge.
            var anchor = x - Left < 24 ? "start" : Width - Right - x < 24 ? "end" : "middle";
            svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{Height - 6}\" font-size=\"11\" text-anchor=\"{anchor}\" fill=\"{Grey}\" data-axis=\"x\">{Encode(label)}</text>"));
        }

        var pass = Y(passMark);
        var passLabel = Ui.T($"เกณฑ์ผ่าน {passMark:0}", $"pass mark {passMark:0}");
        svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{pass:0.#}\" y2=\"{pass:0.#}\" stroke=\"#198754\" stroke-dasharray=\"5 3\" />"));
        svg.Append(Invariant($"<text x=\"{Left + 4}\" y=\"{pass - 4:0.#}\" font-size=\"11\" text-anchor=\"start\" fill=\"#146c43\" data-testid=\"pass-mark\">{Encode(passLabel)}</text>"));
        foreach (var line in series.Where(s => s.Points.Count > 0))
        {
            var points = string.Join(' ', line.Points.Select(p => Invariant($"{X(p.Day):0.#},{Y(p.Score):0.#}")));
            var dash = line.Dash is null ? "" : $" stroke-dasharray=\"{line.Dash}\"";
            svg.Append(Invariant($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"{line.Width:0.#}\"{dash} />"));
            if (line.Points.Count == 1)
            {
                svg.Append(Invariant($"<circle cx=\"{X(line.Points[0].Day):0.#}\" cy=\"{Y(line.Points[0].Score):0.#}\" r=\"3\" fill=\"{line.Colour}\" />"));
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
