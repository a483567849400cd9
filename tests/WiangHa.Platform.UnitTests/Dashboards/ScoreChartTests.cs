using System.Globalization;
using System.Xml.Linq;
using WiangHa.Platform.Infrastructure.Dashboards;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Dashboards;

namespace WiangHa.Platform.UnitTests.Dashboards;

/// <summary>The server-drawn score charts say what they show: a 0–100 axis, Thai dates, the labelled pass mark, a name.</summary>
public sealed class ScoreChartTests
{
    public ScoreChartTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("th-TH");

    [Fact]
    public void The_season_trend_has_a_score_axis_thai_months_and_the_labelled_pass_mark()
    {
        var trend = new Trend("57", "จังหวัดเชียงราย", 2570,
            [Point(2026, 10, 5, 62.5m), Point(2026, 11, 2, 70m), Point(2026, 12, 1, 81.25m)],
            [Point(2025, 10, 6, 55m), Point(2025, 11, 24, 60m)]);

        var svg = Svg(TrendChart.For(trend).Svg());

        Labels(svg, "y").ShouldBe(["0", "20", "40", "60", "80", "100"]);
        Labels(svg, "x").ShouldBe(["ต.ค. 69", "พ.ย. 69", "ธ.ค. 69"]);
        svg.Descendants("text").Single(t => (string?)t.Attribute("data-testid") == "pass-mark").Value.ShouldBe("เกณฑ์ผ่าน 85");
        svg.Attribute("role")!.Value.ShouldBe("img");
        var name = svg.Attribute("aria-label")!.Value;
        name.ShouldContain("จาก 62.50 (5 ต.ค. 69) เป็น 81.25 (1 ธ.ค. 69)");
        name.ShouldContain("ปี 2569 ช่วงเดียวกันล่าสุด 60.00");
        name.ShouldContain("เกณฑ์ผ่าน 85");
        svg.Elements("polyline").Count().ShouldBe(2);
    }

    [Fact]
    public void A_few_days_of_checks_are_labelled_by_day()
    {
        var chart = new ScoreChart(new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 4), 85, "แนวโน้ม");

        var svg = Svg(chart.Render(new ScoreSeries([(new DateOnly(2026, 12, 1).DayNumber, 75m), (new DateOnly(2026, 12, 3).DayNumber + 0.5, 100m)], "#0d6efd")));

        Labels(svg, "x").ShouldBe(["27 พ.ย. 69", "29 พ.ย. 69", "1 ธ.ค. 69", "3 ธ.ค. 69"]);
        svg.Descendants("text").ShouldContain(t => t.Value == "เกณฑ์ผ่าน 85");
        svg.Element("title")!.Value.ShouldBe("แนวโน้ม");
    }

    [Fact]
    public void English_users_get_english_months_with_the_buddhist_year()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");

        ScoreChart.ShortDate(new DateOnly(2026, 12, 1)).ShouldBe("1 Dec 69");
        Svg(new ScoreChart(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2), 85, "trend").Render()).Descendants("text")
            .ShouldContain(t => t.Value == "pass mark 85");
    }

    private static TrendPoint Point(int year, int month, int day, decimal score) => new(new DateOnly(year, month, day), 10, score, 0, 0);

    private static XElement Svg(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return XElement.Parse(writer.ToString());
    }

    private static List<string> Labels(XElement svg, string axis) =>
        svg.Elements("text").Where(t => (string?)t.Attribute("data-axis") == axis).Select(t => t.Value).ToList();
}
