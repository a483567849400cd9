using System.Net;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Reports;

/// <summary>
/// What the platform writes, another LAO can take in: each generated results document (DOCX and XLSX) is imported
/// into a second tenant through the real import (preview, then confirm), and every field of every measure comes back
/// as it was — title, steps, results, outcome, units, period, ITA items and the fiscal year read from the file itself.
/// </summary>
public sealed class ReportRoundTripTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    public async Task A_generated_results_document_imports_into_another_lao_field_exact(string format)
    {
        var source = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, source.Editor);
        await editor.ImportSeedAsync(source);
        var file = await editor.Http.GetAsync($"/t/{source.Slug}/reports/2566/results.{format}");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        var content = await file.Content.ReadAsByteArrayAsync();

        var target = await factory.Data.CreateTenantAsync();
        var clerk = await BrowserlessClient.SignedInAsync(factory, target.Editor);
        var preview = await clerk.PreviewAsync(target, $"ita-results-2566.{format}", content);
        preview.QuerySelectorAll("[data-testid=preview-row]").Length.ShouldBe(5);
        // The year comes from the file (its title), not from the clerk's choice.
        preview.QuerySelector("[data-testid=field-year] option[selected]")?.GetAttribute("value").ShouldBe("2566", $"the {format} file's fiscal year was not read");
        var confirmed = await clerk.ConfirmAsync(target, preview);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await confirmed.Content.ReadAsStringAsync());

        var expected = await factory.MeasuresAsync(source, 2566);
        var actual = await factory.MeasuresAsync(target, 2566);
        actual.Count.ShouldBe(expected.Count, $"measures of FY 2566 imported from the {format}");
        foreach (var (a, e) in actual.Zip(expected))
        {
            Fields(a).ShouldBe(Fields(e), $"measure {e.Number} from the {format}");
        }
    }

    /// <summary>Every field the results document carries, as comparable text.</summary>
    private static string[] Fields(Measure m) =>
    [
        $"year {m.FiscalYear}",
        $"number {m.Number}",
        $"title {m.Title}",
        $"steps {string.Join(" | ", m.Steps)}",
        $"units {string.Join(" | ", m.ResponsibleUnits.OrderBy(u => u.SortOrder).Select(u => u.Name))}",
        $"period {m.PeriodFrom:yyyy-MM} {m.PeriodTo:yyyy-MM}",
        $"results {string.Join(" | ", m.ResultPoints)}",
        $"outcome {m.Outcome}",
        $"items {string.Join(" | ", m.ItaItems.Order(StringComparer.Ordinal))}",
    ];
}
