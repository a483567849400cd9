using System.Globalization;
using WiangHa.Platform.Domain.Ita;

namespace WiangHa.Platform.Domain.Compliance;

/// <summary>
/// The projected OIT score, as an assessor scores: 100 per item that passes, 0 for every other applicable item —
/// a warning (link not checked yet, a page that does not name the required year) is a risk shown beside the item, not
/// a pass. Mean over applicable items; pass mark and tiers from the catalogue. <see cref="ManualComplete"/> is false
/// when the manual has items nobody knows yet: the figure then covers only the known items and is no projection
/// (<see cref="Headline"/> is null; ADR 0006).
/// </summary>
public sealed record OitProjection(decimal Score, bool Passes, string? Rating, int Applicable, int Passed, int Warnings, int Failed)
{
    /// <summary>False when the manual is a fragment (<see cref="ItaCatalogue.IsComplete"/>).</summary>
    public bool ManualComplete { get; init; } = true;

    /// <summary>The score to headline, or null when the manual is incomplete.</summary>
    public decimal? Headline => ManualComplete ? Score : null;

    public static OitProjection From(IEnumerable<ItemVerdict> verdicts, ItaCatalogue catalogue) =>
        From(verdicts, catalogue.Scoring) with { ManualComplete = catalogue.IsComplete() };

    public static OitProjection From(IEnumerable<ItemVerdict> verdicts, ItaScoring scoring)
    {
        var applicable = verdicts.Where(v => v.Status != ComplianceStatus.NotApplicable).ToList();
        var passed = applicable.Count(v => v.Status == ComplianceStatus.Pass);
        var warnings = applicable.Count(v => v.Status == ComplianceStatus.Warning);
        var score = applicable.Count == 0 ? 0m : Math.Round(passed * scoring.ItemFullScore / applicable.Count, 2);
        var rating = scoring.Tiers.OrderByDescending(t => t.MinScore).FirstOrDefault(t => score >= t.MinScore)?.Name;
        return new OitProjection(score, score >= scoring.PassMark, rating, applicable.Count, passed, warnings, applicable.Count - passed - warnings);
    }

    /// <summary>Why no headline score is shown for an incomplete manual (Thai, for every audience).</summary>
    public static string IncompleteManualReason(int year, IReadOnlyList<string> unknownCodes)
    {
        var which = unknownCodes.Count == 0 ? "" : $" ({Abbreviate(unknownCodes)})";
        return $"คู่มือปี {year.ToString(CultureInfo.InvariantCulture)} ยังมีข้อที่ไม่ทราบ{which} จึงยังคำนวณคะแนนคาดการณ์ไม่ได้";
    }

    /// <summary>"O1–O18" for a run of consecutive codes, so a long list stays one line.</summary>
    public static string Abbreviate(IReadOnlyList<string> codes)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < codes.Count)
        {
            var j = i;
            while (j + 1 < codes.Count && Number(codes[j + 1]) is { } next && Number(codes[j]) is { } current && next == current + 1)
            {
                j++;
            }

            parts.Add(j - i >= 2 ? $"{codes[i]}–{codes[j]}" : string.Join(", ", codes.Skip(i).Take(j - i + 1)));
            i = j + 1;
        }

        return string.Join(", ", parts);
    }

    private static int? Number(string code) =>
        code.Length > 1 && int.TryParse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
