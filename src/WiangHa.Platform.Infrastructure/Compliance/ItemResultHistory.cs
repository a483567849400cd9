using WiangHa.Platform.Domain.Compliance;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>
/// Item results are stored only when an item's verdict changes, so an item's verdict in a run is its newest result
/// at or before that run (among the runs of the same manual version, which all record every item the first time).
/// </summary>
internal static class ItemResultHistory
{
    public static Dictionary<string, ComplianceResult> LatestPerItem(IEnumerable<ComplianceResult> results, DateTimeOffset? asOf = null) =>
        results.Where(r => asOf is null || r.CheckedAt <= asOf)
            .GroupBy(r => r.ItemCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.CheckedAt).ThenByDescending(r => r.Id).First(), StringComparer.OrdinalIgnoreCase);
}
