using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Reports;
using WiangHa.Platform.Infrastructure.Reports.Import;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Reports.Corpus;

/// <summary>
/// Every file of the corpus goes through the real import pages (preview, then confirm) into a fresh LAO, and what is
/// stored is compared with the file's <c>.expected.json</c> field by field.
/// </summary>
public sealed class CorpusTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static string OutputDirectory => Path.Combine(AppContext.BaseDirectory, "Reports", "Corpus");

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(OutputDirectory, "*.expected.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path)[..^".expected.json".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task A_corpus_file_imports_through_the_pages_as_its_expected_measures(string name)
    {
        var expected = JsonSerializer.Deserialize<CorpusExpectation>(await File.ReadAllTextAsync(Path.Combine(OutputDirectory, name + ".expected.json")), CorpusGenerator.Json)!;
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var content = await File.ReadAllBytesAsync(Path.Combine(OutputDirectory, name));

        var preview = await client.PreviewAsync(tenant, name, content);

        if (expected.Refused is { } refused)
        {
            preview.QuerySelector("[data-testid=import-errors]")!.TextContent.ShouldContain(refused);
            (await factory.CountsAsync(tenant)).ShouldBe((0, 0, 4));
            return;
        }

        var rows = preview.QuerySelectorAll("[data-testid=preview-row]");
        rows.Length.ShouldBe(expected.Measures.Length);
        preview.QuerySelector("[data-testid=import-summary]")!.TextContent.ShouldContain($"เอกสารระบุปีงบประมาณ {expected.FiscalYear}");
        preview.QuerySelector("[data-testid=import-ita-items]")!.TextContent.ShouldContain(string.Join(", ", expected.ItaItems));
        preview.QuerySelectorAll("[data-testid=field-create-unit]").ShouldBeEmpty("every unit of the corpus is one the LAO has");
        foreach (var (row, m) in rows.Zip(expected.Measures))
        {
            // The preview shows what will be stored: the title, every point, and the period as written beside the months.
            row.QuerySelector("[data-testid=preview-title]")!.TextContent.ShouldContain(m.Title);
            row.QuerySelectorAll("[data-testid=preview-steps] li").Length.ShouldBe(m.Steps.Length);
            row.QuerySelector("[data-testid=preview-period-text]")!.TextContent.ShouldContain(m.PeriodText);
            row.QuerySelectorAll("[data-testid=preview-units] .badge").Select(b => b.TextContent).ShouldBe(m.Units);
        }

        var response = await client.ConfirmAsync(tenant, preview, expected.FiscalYear, tickNewUnits: false);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        var measures = await factory.MeasuresAsync(tenant, expected.FiscalYear!.Value);
        measures.Count.ShouldBe(expected.Measures.Length);
        foreach (var (stored, m) in measures.Zip(expected.Measures))
        {
            var what = $"{name}, measure {m.Number}";
            stored.Number.ShouldBe(m.Number, what);
            stored.Title.ShouldBe(m.Title, customMessage: what);
            stored.Steps.ShouldBe(m.Steps, false, what);
            stored.ResponsibleUnits.OrderBy(u => u.SortOrder).Select(u => u.Name).ShouldBe(m.Units, what);
            stored.PeriodText.ShouldBe(m.PeriodText, customMessage: what);
            Month(stored.PeriodFrom).ShouldBe(m.PeriodFrom, what);
            Month(stored.PeriodTo).ShouldBe(m.PeriodTo, what);
            stored.ResultPoints.ShouldBe(m.ResultPoints, false, what);
            stored.Outcome.ShouldBe(m.Outcome, customMessage: what);
            stored.ItaItems.ShouldBe(expected.ItaItems, false, what);
            stored.FiscalYear.ShouldBe(expected.FiscalYear!.Value, what);
        }

        (await factory.CountsAsync(tenant)).Units.ShouldBe(4, "no unit was created");
        var page = await client.GetPageAsync($"/t/{tenant.Slug}/measures/{measures[^1].Id}");
        page.QuerySelector("[data-testid=measure-period-text]")!.TextContent.ShouldContain(expected.Measures[^1].PeriodText, customMessage: "the measure page shows the period as written");
    }

    /// <summary>
    /// The committed files are what the generator makes (read back cell by cell: zip timestamps differ). With
    /// WIANGHA_WRITE_CORPUS=1 the generator first rewrites them in the source tree.
    /// </summary>
    [Fact]
    public void The_committed_corpus_is_what_the_generator_makes()
    {
        if (Environment.GetEnvironmentVariable("WIANGHA_WRITE_CORPUS") == "1")
        {
            CorpusGenerator.Write(SourceDirectory());
        }

        var names = new List<string>();
        foreach (var (name, content, expected) in CorpusGenerator.Files())
        {
            names.Add(name);
            var committed = Path.Combine(OutputDirectory, name);
            File.Exists(committed).ShouldBeTrue($"{name} is committed (run with WIANGHA_WRITE_CORPUS=1 to write it)");
            File.ReadAllText(committed + ".expected.json").ShouldBe(JsonSerializer.Serialize(expected, CorpusGenerator.Json) + "\n", customMessage: name);
            if (expected.Refused is null)
            {
                Cells(name, File.ReadAllBytes(committed)).ShouldBe(Cells(name, content), name);
            }
        }

        Directory.GetFiles(OutputDirectory, "*.expected.json").Select(p => Path.GetFileName(p)[..^".expected.json".Length]).ShouldBe(names, ignoreOrder: true);
    }

    [Fact]
    public async Task A_unit_name_joined_by_a_lost_line_break_is_split_and_never_created()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var text = string.Join('\t', ReportBuilder.ResultsHeaders) + "\n" +
                   "<p>๑. เผยแพร่ข้อมูล</p>\t<p>เผยแพร่</p>\t<p>สำนักปลัดกองคลังกองช่างกองการศึกษาฯ</p>\t<p>ต.ค. ๖๕ – มี.ค. ๖๖</p>\t<p></p>\t<p></p>\n";

        var preview = await client.PreviewAsync(tenant, "joined.txt", Encoding.UTF8.GetBytes(text), 2566);

        preview.QuerySelectorAll("[data-testid=field-create-unit]").ShouldBeEmpty("a joined name is never offered as a new unit");
        preview.QuerySelectorAll("[data-testid=preview-units] .badge").Select(b => b.TextContent).ShouldBe(["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"]);
        (await client.ConfirmAsync(tenant, preview)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var measure = (await factory.MeasuresAsync(tenant, 2566)).Single();
        measure.ResponsibleUnits.Select(u => u.Id).ShouldBe(tenant.UnitIds, ignoreOrder: true);
        (await factory.CountsAsync(tenant)).Units.ShouldBe(4);
    }

    [Fact]
    public async Task A_joined_unit_that_already_exists_never_matches_correctly_spaced_names()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
            {
                db.OrgUnits.Add(new OrgUnit { Name = "สำนักปลัดกองคลังกองช่างกองการศึกษาฯ", SortOrder = 99 });
                await db.SaveChangesAsync();
            }
        }

        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await client.ImportSeedAsync(tenant);

        var measures = await factory.MeasuresAsync(tenant, 2566);
        measures[0].ResponsibleUnits.Select(u => u.Name).ShouldBe(["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"], ignoreOrder: true);
        measures.SelectMany(m => m.ResponsibleUnits).ShouldAllBe(u => tenant.UnitIds.Contains(u.Id));
    }

    private static string Month(DateOnly firstDay) => ThaiMonth.From(firstDay).BuddhistYear.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + firstDay.Month.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Cells(string name, byte[] content) =>
        ReportFileReader.Read(name, content).Rows.Select(r => string.Join(" | ", r.Cells.Select(c => string.Join(" / ", c)))).ToList();

    private static string SourceDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WiangHa.Platform.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "tests", "WiangHa.Platform.IntegrationTests", "Reports", "Corpus");
    }
}
