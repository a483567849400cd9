using System.Text.Json;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Measures;

namespace WiangHa.Platform.UnitTests.Compliance;

/// <summary>The five measures of Wiang Ha's real FY 2566 report (the seed), as rule inputs (periods: Oct 2565 – Mar 2566).</summary>
internal static class SeedMeasures
{
    private sealed record SeedMeasure(int Number, string Title, List<string> Steps, List<string> ResponsibleUnits, string Period, List<string> ResultPoints, string Outcome);

    private sealed record SeedReport(int FiscalYear, List<SeedMeasure> Measures);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<MeasureFacts> Load()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "wiangha-2566-measures.json"));
        var report = JsonSerializer.Deserialize<SeedReport>(json, Options)!;
        // Every seed period reads "ตุลาคม ๒๕๖๕ ถึง มีนาคม ๒๕๖๖".
        report.Measures.ShouldAllBe(m => m.Period == "ตุลาคม ๒๕๖๕ ถึง มีนาคม ๒๕๖๖");
        return report.Measures.Select(m => new MeasureFacts(
            m.Number, m.Title, AnalysisBasis.IssueToImprove, m.Steps.Count, m.ResponsibleUnits.Count,
            "รายงานผลต่อนายก อบต. รอบ ๖ และ ๑๒ เดือน", new DateOnly(2022, 10, 1), new DateOnly(2023, 3, 1),
            MeasureStatus.Completed, m.ResultPoints.Count, m.Outcome)).ToList();
    }
}
