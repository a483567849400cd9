using System.Text.Json;

namespace WiangHa.Platform.Web.Dashboards;

/// <summary>
/// The provinces of Thailand as SVG paths keyed by province code, for the national choropleth. From
/// <c>@svg-maps/thailand</c> 2.0.0 (CC BY 4.0, Tae Noppakun Wongsrinoppakun), simplified to
/// integer coordinates (see THIRD-PARTY.md beside this file). Inline SVG: no map library, no tiles, ~11 KB compressed.
/// </summary>
public static class ThailandMap
{
    public const string Attribution = "แผนที่: @svg-maps/thailand โดย Tae Noppakun Wongsrinoppakun (CC BY 4.0) ปรับให้เรียบง่าย";

    private sealed record MapFile(string ViewBox, Dictionary<string, string> Provinces, List<string> Water);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<MapFile> Map = new(() =>
    {
        using var stream = typeof(ThailandMap).Assembly.GetManifestResourceStream("WiangHa.Platform.Web.Dashboards.thailand-provinces.json")
            ?? throw new InvalidOperationException("The map of Thailand is not embedded.");
        return JsonSerializer.Deserialize<MapFile>(stream, JsonOptions)!;
    });

    public static string ViewBox => Map.Value.ViewBox;

    public static IReadOnlyDictionary<string, string> Provinces => Map.Value.Provinces;

    public static IReadOnlyList<string> Water => Map.Value.Water;

    /// <summary>The fill of a province by its average projected score: the same bands as the tables' badges.</summary>
    public static string Fill(decimal? averageScore) => averageScore switch
    {
        null => "#dee2e6",
        >= 85 => "#198754",
        >= 70 => "#ffc107",
        _ => "#dc3545",
    };
}
