using System.Globalization;
using System.Net;
using System.Text;
using WiangHa.Platform.Infrastructure.Reports;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Reports;

/// <summary>Issue 11, items 3 and 7: what an imported file's text may hold (digits of any script, control characters, too many rows).</summary>
public sealed class ImportTextTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static byte[] Report(string heading, int rows, Func<int, string>? title = null)
    {
        var text = new StringBuilder(heading).Append('\n').AppendJoin('\t', ReportBuilder.ResultsHeaders).Append('\n');
        for (var i = 1; i <= rows; i++)
        {
            text.AppendJoin('\t', $"{(title ?? (n => $"มาตรการที่ {n.ToString(CultureInfo.InvariantCulture)}"))(i)}", "1. ประชาสัมพันธ์", "สำนักปลัด", "ตุลาคม 2565 - กันยายน 2566", "1. ผลข้อหนึ่ง", "ผลลัพธ์").Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public async Task A_year_written_in_arabic_indic_digits_is_read_not_a_500()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var preview = await client.PreviewAsync(tenant, "report.txt", Report("รายงานผล ในปีงบประมาณ พ.ศ. 25٦٩", 1));

        preview.QuerySelector("[data-testid=import-summary]")!.TextContent.ShouldContain("ปีงบประมาณ 2569");
        (await client.ConfirmAsync(tenant, preview)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.MeasuresAsync(tenant, 2569)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_cited_item_and_year_in_full_width_digits_are_read_not_a_500()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var preview = await client.PreviewAsync(tenant, "report.txt",
            Report("ในปีงบประมาณ พ.ศ. ２５６７\nตามคู่มือการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ２５６７ ข้อ O２６", 1));

        preview.QuerySelector("[data-testid=import-summary]")!.TextContent.ShouldContain("ปีงบประมาณ 2567");
        (await client.ConfirmAsync(tenant, preview)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.MeasuresAsync(tenant, 2567)).ShouldHaveSingleItem().ItaItems.ShouldBe(["2567/O26"]);
    }

    [Fact]
    public async Task Control_characters_of_a_file_are_stripped_with_a_notice_on_the_row()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var preview = await client.PreviewAsync(tenant, "report.txt",
            Report("ในปีงบประมาณ พ.ศ. 2566", 2, n => n == 1 ? "มาตรการ\u0001ที่\u202Eหนึ่ง\uFFFE" : "มาตรการที่สอง"), 2566);

        var problems = preview.QuerySelectorAll("[data-testid=row-problems]").Select(p => p.TextContent).ToList();
        problems.ShouldContain(p => p.Contains("ตัดอักขระควบคุมที่มองไม่เห็นออก 3 ตัว", StringComparison.Ordinal));
        (await client.ConfirmAsync(tenant, preview)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.MeasuresAsync(tenant, 2566)).Select(m => m.Title).ShouldBe(["มาตรการที่หนึ่ง", "มาตรการที่สอง"]);
    }

    [Fact]
    public async Task Confirming_more_measures_than_a_year_can_number_is_refused_in_thai_not_a_500()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var preview = await client.PreviewAsync(tenant, "big.txt", Report("ในปีงบประมาณ พ.ศ. 2566", 1_200), 2566);
        preview.QuerySelectorAll("[data-testid=preview-row]").Length.ShouldBe(1_200);

        var confirmed = await client.ConfirmAsync(tenant, preview);

        var html = await confirmed.Content.ReadAsStringAsync();
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 2000 ? html[..2000] : html);
        html.ShouldContain("ไฟล์นี้มีมาตรการใหม่ 1,200 รายการ");
        html.ShouldContain("ได้ไม่เกิน 999 รายการ");
        (await factory.CountsAsync(tenant)).Measures.ShouldBe(0);
    }

    [Fact]
    public async Task A_year_can_be_filled_to_its_last_number_by_one_import()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        await factory.Data.CreateMeasureAsync(tenant, "มาตรการเดิม", fiscalYear: 2566);
        var preview = await client.PreviewAsync(tenant, "full.txt", Report("ในปีงบประมาณ พ.ศ. 2566", 998), 2566);

        var confirmed = await client.ConfirmAsync(tenant, preview);

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await confirmed.Content.ReadAsStringAsync());
        var measures = await factory.MeasuresAsync(tenant, 2566);
        measures.Select(m => m.Number).ShouldBe(Enumerable.Range(1, 999));
    }
}
