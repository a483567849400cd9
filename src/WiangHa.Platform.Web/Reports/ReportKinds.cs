using WiangHa.Platform.Infrastructure.Reports;

namespace WiangHa.Platform.Web.Reports;

/// <summary>The URL names of the two documents: <c>results</c> and <c>measures</c>.</summary>
public static class ReportKinds
{
    public static ReportKind? Parse(string? name) => name switch
    {
        "results" => ReportKind.Results,
        "measures" => ReportKind.Measures,
        _ => null,
    };
}
