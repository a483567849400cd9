using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Seeding;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Data;

/// <summary>
/// The demo data of the embedded default: the five Wiang Ha measures must equal the real report (the seed), field
/// by field. The seed is parsed here with its own small parser, independent of the app's demo data file.
/// </summary>
[Trait("Category", "SqliteOnly")]
public sealed partial class SeedFidelityTests(EmbeddedPlatformFactory factory) : IClassFixture<EmbeddedPlatformFactory>
{
    internal sealed record SeedRow(int Number, string Title, string[] Steps, string[] Units, string Period, string[] Results, string Outcome);

    [Fact]
    public async Task Wiang_ha_measures_equal_the_seed_report_field_by_field()
    {
        var expected = ParseSeed(Path.Combine(AppContext.BaseDirectory, "TestData", "wiangha-2566-report.txt"));
        expected.Count.ShouldBe(5);

        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var wiangHa = await db.Organisations.SingleAsync(o => o.Slug == DemoDataSeeder.WiangHaSlug);
        wiangHa.NameTh.ShouldBe("องค์การบริหารส่วนตำบลเวียงห้า");
        (await db.Districts.SingleAsync(d => d.Code == wiangHa.DistrictCode)).NameTh.ShouldBe("พาน");
        (await db.Provinces.SingleAsync(p => p.Code == wiangHa.ProvinceCode)).NameTh.ShouldBe("เชียงราย");

        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(TenantInfo.From(wiangHa)))
        {
            var measures = await db.Measures.Include(m => m.ResponsibleUnits).Where(m => m.FiscalYear == 2566).OrderBy(m => m.Number).ToListAsync();
            measures.Count.ShouldBe(5);
            foreach (var (row, measure) in expected.Zip(measures))
            {
                measure.Number.ShouldBe(row.Number);
                measure.Title.ShouldBe(row.Title);
                measure.Steps.ShouldBe(row.Steps);
                measure.ResponsibleUnits.OrderBy(u => u.SortOrder).Select(u => u.Name).ShouldBe(row.Units);
                $"{ThaiMonth.From(measure.PeriodFrom).ToThai(thaiDigits: true)} ถึง {ThaiMonth.From(measure.PeriodTo).ToThai(thaiDigits: true)}".ShouldBe(row.Period);
                measure.PeriodFrom.ShouldBe(new DateOnly(2022, 10, 1));
                measure.PeriodTo.ShouldBe(new DateOnly(2023, 3, 1));
                measure.ResultPoints.ShouldBe(row.Results);
                measure.Outcome.ShouldBe(row.Outcome);
            }
        }
    }

    [Fact]
    public async Task Wiang_has_fy_2566_documents_are_public_without_sign_in()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/p/wiangha/2566");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Regex.Count(html, "data-testid=\"report-document\"").ShouldBe(2);
        Regex.Count(html, "data-testid=\"report-row\"").ShouldBe(10);
        html.ShouldContain("บุคลากรยังไม่ทราบข้อมูลงบประมาณและแผนการใช้จ่ายงบประมาณของหน่วยงาน");
        (await client.GetAsync("/p/wiangha/2568")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/p/muangphan/2568")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reference_data_has_77_provinces_and_928_districts()
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        (await db.Provinces.CountAsync()).ShouldBe(77);
        (await db.Districts.CountAsync()).ShouldBe(928);
        (await db.Organisations.Select(o => o.ProvinceCode).Distinct().CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        (await db.Organisations.Select(o => o.Type).Distinct().CountAsync()).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Demo_clerk_signs_in_and_sees_the_five_measures()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });
        var signInPage = await client.GetStringAsync("/account/sign-in");
        var token = TokenPattern().Match(signInPage).Groups[1].Value;
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "clerk@wiangha.demo",
            ["Password"] = DemoDataSeeder.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/t/wiangha");
        var html = await client.GetStringAsync("/t/wiangha/measures");
        Regex.Count(html, "data-testid=\"measure-row\"").ShouldBe(5);
    }

    internal static List<SeedRow> ParseSeed(string path)
    {
        var rows = new List<SeedRow>();
        foreach (var line in File.ReadLines(path).Where(l => l.StartsWith("<p>", StringComparison.Ordinal) && l.Contains('\t', StringComparison.Ordinal)))
        {
            var cells = line.Split('\t').Select(Paragraphs).ToArray();
            cells.Length.ShouldBe(6);
            var title = NumberPrefix().Match(cells[0].Single());
            rows.Add(new SeedRow(
                int.Parse(ThaiNumerals.ToArabicDigits(title.Groups[1].Value), System.Globalization.CultureInfo.InvariantCulture),
                title.Groups[2].Value,
                cells[1].Select(StripNumber).ToArray(),
                cells[2].Single().Split(' '),
                cells[3].Single(),
                cells[4].Select(StripNumber).ToArray(),
                string.Join(' ', cells[5])));
        }

        return rows;
    }

    private static string[] Paragraphs(string cell) =>
        ParagraphPattern().Matches(cell).Select(m => Whitespace().Replace(m.Groups[1].Value, " ").Trim()).ToArray();

    private static string StripNumber(string text) => NumberPrefix().Match(text) is { Success: true } m ? m.Groups[2].Value : text;

    [GeneratedRegex("<p>(.*?)</p>")]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^([๐-๙0-9]+)\.\s*(.*)$")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
