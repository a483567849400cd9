using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.Web.Dashboards;

namespace WiangHa.Platform.IntegrationTests.Dashboards;

/// <summary>
/// The dashboards' files read back as a supervisor's spreadsheet would: the CSV with its BOM and RFC 4180 quoting,
/// the XLSX through MiniExcel; Thai intact, cell for cell equal to the API's rows, and no cell that runs as a formula.
/// </summary>
public sealed partial class DashboardExportTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private const int Year = DashboardTestData.Year;

    private static readonly string[] LaoHeaders =
    [
        "รหัส อปท.", "ชื่อ อปท.", "ประเภท", "อำเภอ", "ความพร้อม", "คะแนนคาดการณ์", "ระดับ", "ข้อที่ผ่าน", "ข้อที่ประเมิน", "ข้อที่ไม่ผ่าน",
        "มาตรการดำเนินการแล้ว", "มาตรการกำลังดำเนินการ", "มาตรการเลยกำหนด", "แก้ไขล่าสุด", "ตรวจเมื่อ", "เหตุที่เสี่ยง",
    ];

    private static readonly string[] ProvinceHeaders =
        ["อันดับ", "รหัสจังหวัด", "จังหวัด", "อปท. ในทะเบียน", "เข้าร่วมแล้ว", "ตรวจแล้ว", "คะแนนคาดการณ์เฉลี่ย", "ร้อยละที่ได้ 85 ขึ้นไป", "เสี่ยง", "ยังไม่เริ่ม"];

    private readonly DashboardTestData _data = new(factory);

    [GeneratedRegex(@"<(\w+:)?f[\s>/]")]
    private static partial Regex FormulaElement();

    [Fact]
    public async Task The_province_CSV_opens_with_its_Thai_intact_and_equals_the_API_rows_with_formulas_defused()
    {
        var s = await DashboardScenario.SeedAsync(factory, home: "83", other: "85");
        var supervisor = await _data.SupervisorAsync(PlatformRoles.ProvincialSupervisor, "83");
        var api = await DashboardTestData.GetJsonAsync<ProvinceView>(supervisor.Http, $"/api/v1/dashboards/provinces/83?year={Year}");

        var response = await supervisor.Http.GetAsync($"/dashboards/provinces/83.csv?year={Year}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("ita-2569-ภูเก็ต.csv");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldStartWith("ita-2569-");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        var records = DashboardTestData.ParseCsv(text);

        records[0].ShouldBe(LaoHeaders);
        records.Count.ShouldBe(1 + api.Laos.Count);
        records.Skip(1).ShouldAllBe(r => r.Count == LaoHeaders.Length);
        for (var i = 0; i < api.Laos.Count; i++)
        {
            records[i + 1].ShouldBe(Cells(api.Laos[i]), $"row {i + 1}");
        }

        var ready = records.Single(r => r[0] == s.Ready.DlaCode);
        ready[1].ShouldBe("องค์การบริหารส่วนจังหวัดภูเก็ต");
        (ready[2], ready[4], decimal.Parse(ready[5], CultureInfo.InvariantCulture), ready[6]).ShouldBe(("อบจ.", "พร้อม", 87.50m, "ผ่าน"));
        ready[14].ShouldBe("1 ธ.ค. 2569");
        records.Count(r => r[4] == "ยังไม่เข้าร่วม").ShouldBe(14);
        records.Single(r => r[0] == s.NotStarted.DlaCode)[4].ShouldBe("ยังไม่เริ่ม");

        // The hand-typed name that is a formula: a leading apostrophe, the quotes doubled inside a quoted field.
        records.Single(r => r[0] == "" && r[1].Contains("HYPERLINK", StringComparison.Ordinal))[1].ShouldBe("'" + DashboardScenario.FormulaName);
        text.ShouldContain("\"'=HYPERLINK(\"\"https://evil.example/x\"\",\"\"คลิก\"\")\"");
        text.ShouldNotContain(",=HYPERLINK");

        // Exports leave the platform: the trail names the file and who took it.
        await using var scope = factory.Scope();
        var trail = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<AuditEvent>().AsNoTracking()
            .Where(e => e.Action == AuditActions.Export && e.SubjectType == "Dashboard").ToListAsync();
        trail.ShouldContain(e => e.SubjectId == "ita-2569-ภูเก็ต.csv" && e.ActorUserId != null && e.ActorName!.StartsWith("provincialsupervisor-"));
    }

    [Fact]
    public async Task The_province_XLSX_reads_back_through_MiniExcel_with_numbers_as_numbers_and_no_formula()
    {
        await DashboardScenario.SeedAsync(factory, home: "75", other: "74");
        var supervisor = await _data.SupervisorAsync(PlatformRoles.ProvincialSupervisor, "75");
        var api = await DashboardTestData.GetJsonAsync<ProvinceView>(supervisor.Http, $"/api/v1/dashboards/provinces/75?year={Year}");

        var response = await supervisor.Http.GetAsync($"/dashboards/provinces/75.xlsx?year={Year}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(TableExports.XlsxType);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("ita-2569-สมุทรสงคราม.xlsx");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = ReadXlsx(bytes);

        rows.Count.ShouldBe(api.Laos.Count);
        rows[0].Keys.ShouldBe(LaoHeaders);
        for (var i = 0; i < api.Laos.Count; i++)
        {
            var lao = api.Laos[i];
            var row = rows[i];
            row["ชื่อ อปท."].ShouldBe(lao.Name == DashboardScenario.FormulaName ? "'" + lao.Name : lao.Name);
            row["อำเภอ"].ShouldBe(lao.District);
            row["ความพร้อม"].ShouldBe(lao.ReadinessLabel);
            // Numbers come back as numbers (MiniExcel reads a numeric cell as a double), an unchecked LAO's as empty cells.
            row["คะแนนคาดการณ์"].ShouldBe(lao.Score is { } score ? (double)score : null);
            row["ข้อที่ผ่าน"].ShouldBe(lao.ItemsPassing is { } passing ? (double)passing : null);
            row["มาตรการเลยกำหนด"].ShouldBe(lao.MeasuresLate is { } late ? (double)late : null);
            row["ตรวจเมื่อ"].ShouldBe(DashboardTables.ThaiDate(lao.CheckedAt));
        }

        rows.ShouldContain(r => Equals(r["ชื่อ อปท."], "องค์การบริหารส่วนจังหวัดสมุทรสงคราม"));
        SheetXml(bytes).ShouldNotMatch(FormulaElement().ToString());
    }

    [Fact]
    public async Task The_national_files_rank_every_province_for_every_supervisor_and_agree_with_each_other_and_the_API()
    {
        await DashboardScenario.SeedAsync(factory, home: "58", other: "17");
        var supervisor = await _data.SupervisorAsync(PlatformRoles.ProvincialSupervisor, "58");
        var list = await DashboardTestData.GetJsonAsync<ProvinceListView>(supervisor.Http, $"/api/v1/dashboards/provinces?year={Year}");
        var own = list.Provinces.ShouldHaveSingleItem();

        var csv = await supervisor.Http.GetAsync($"/dashboards/national.csv?year={Year}");
        var xlsx = await supervisor.Http.GetAsync($"/dashboards/national.xlsx?year={Year}");

        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("ita-2569-ทุกจังหวัด.csv");
        xlsx.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("ita-2569-ทุกจังหวัด.xlsx");
        var records = DashboardTestData.ParseCsv(Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        var rows = ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync());

        records[0].ShouldBe(ProvinceHeaders);
        records.Count.ShouldBe(1 + 76);
        rows.Count.ShouldBe(76);
        rows[0].Keys.ShouldBe(ProvinceHeaders);
        for (var i = 0; i < rows.Count; i++)
        {
            ProvinceHeaders.Select(h => rows[i][h] switch { null => "", double d => d.ToString(CultureInfo.InvariantCulture), var v => v.ToString() })
                .ShouldBe(records[i + 1].Select(c => decimal.TryParse(c, CultureInfo.InvariantCulture, out var n) ? ((double)n).ToString(CultureInfo.InvariantCulture) : c), $"row {i + 1}");
        }

        var mine = records.Single(r => r[1] == "58");
        mine.ShouldBe(Cells(own));
        mine[2].ShouldBe("แม่ฮ่องสอน");
        mine[0].ShouldNotBeEmpty();
        records.Skip(1).Count(r => r[0] != "").ShouldBe(list.RankedProvinces);
    }

    /// <summary>The API row as the CSV writes it: invariant numbers, BE dates, codes space-separated, formulas defused.</summary>
    private static List<string> Cells(LaoFigures l) =>
    [
        l.DlaCode ?? "", TableExports.Defuse(l.Name), l.TypeLabel, l.District, l.ReadinessLabel, Number(l.Score), l.Rating ?? "", Number(l.ItemsPassing),
        Number(l.ItemsApplicable), string.Join(' ', l.FailingItems), Number(l.MeasuresDone), Number(l.MeasuresInProgress), Number(l.MeasuresLate),
        DashboardTables.ThaiDate(l.LastActivityAt) ?? "", DashboardTables.ThaiDate(l.CheckedAt) ?? "", l.RiskReason ?? "",
    ];

    private static List<string> Cells(ProvinceFigures p) =>
    [
        Number(p.Rank), p.Code, p.NameTh, Number(p.Registered), Number(p.Onboarded), Number(p.Checked), Number(p.AverageScore), Number(p.PassShare),
        Number(p.AtRisk), Number(p.NotStarted),
    ];

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static List<IDictionary<string, object?>> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    private static string SheetXml(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }
}
