using WiangHa.Platform.Domain.Ita;

namespace WiangHa.Platform.Domain.Compliance;

/// <summary>The projected OIT score: 100 per passing item (warnings included), 0 otherwise, mean over applicable items.</summary>
public sealed record OitProjection(decimal Score, bool Passes, string? Rating, int Applicable, int Passed, int Warnings, int Failed)
{
    public static OitProjection From(IEnumerable<ItemVerdict> verdicts, ItaScoring scoring)
    {
        var applicable = verdicts.Where(v => v.Status != ComplianceStatus.NotApplicable).ToList();
        var passed = applicable.Count(v => v.Status == ComplianceStatus.Pass);
        var warnings = applicable.Count(v => v.Status == ComplianceStatus.Warning);
        var score = applicable.Count == 0 ? 0m : Math.Round((passed + warnings) * scoring.ItemFullScore / applicable.Count, 2);
        var rating = scoring.Tiers.OrderByDescending(t => t.MinScore).FirstOrDefault(t => score >= t.MinScore)?.Name;
        return new OitProjection(score, score >= scoring.PassMark, rating, applicable.Count, passed, warnings, applicable.Count - passed - warnings);
    }
}
