using System.Globalization;
using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Domain.Ita;

/// <summary>
/// One year's ITA manual as data (คู่มือการประเมิน ITA ประจำปีงบประมาณ พ.ศ. …): indicators → sub-indicators → items,
/// scoring and milestones. This is the document operators import (JSON or XLSX) and publish as a version; it is
/// immutable once published, and compliance results name the version they were computed with.
/// </summary>
public sealed record ItaCatalogue
{
    /// <summary>Assessment year (พ.ศ.), e.g. 2567.</summary>
    public int Year { get; init; }

    public string Title { get; init; } = "";

    /// <summary>Where the content comes from and how far to trust it (shown to operators).</summary>
    public string? Source { get; init; }

    public List<ItaIndicator> Indicators { get; init; } = [];

    public ItaScoring Scoring { get; init; } = new();

    public List<ItaMilestone> Milestones { get; init; } = [];

    /// <summary>
    /// The operator's statement that <see cref="Indicators"/> hold every item of the year's manual. False for a
    /// fragment: results per item still count, but no headline score is projected from it (ADR 0006).
    /// </summary>
    public bool Complete { get; init; } = true;

    /// <summary>Codes the year's manual has but this catalogue does not describe (e.g. "O2", "O5"): shown to say why.</summary>
    public List<string> UnknownItems { get; init; } = [];

    public IEnumerable<ItaItem> AllItems() => Indicators.SelectMany(i => i.SubIndicators).SelectMany(s => s.Items);

    public ItaItem? FindItem(string code) =>
        AllItems().FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));

    public ItaSubIndicator? SubIndicatorOf(string itemCode) =>
        Indicators.SelectMany(i => i.SubIndicators).FirstOrDefault(s => s.Items.Any(i => string.Equals(i.Code, itemCode, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// True when a projected score may be computed: marked complete, no unknown codes, and no gap in the O-numbering
    /// (a stored fragment from before the marker existed, "O19–O26" or "O1–O3, O35", is caught by its gaps).
    /// </summary>
    public bool IsComplete() => Complete && UnknownItemCodes().Count == 0;

    /// <summary>The codes known to be missing: <see cref="UnknownItems"/> and the gaps in "O1…On", in manual order.</summary>
    public IReadOnlyList<string> UnknownItemCodes() =>
        UnknownItems.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Concat(NumberingGaps())
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(ItemNumber).ThenBy(c => c, StringComparer.Ordinal).ToList();

    /// <summary>"O{n}" codes missing between O1 and the highest "O{n}" (only when every code has that form).</summary>
    public IReadOnlyList<string> NumberingGaps()
    {
        var numbers = AllItems().Select(i => ItemNumber(i.Code)).ToList();
        if (numbers.Count == 0 || numbers.Any(n => n == int.MaxValue))
        {
            return [];
        }

        var known = numbers.ToHashSet();
        return Enumerable.Range(1, numbers.Max()).Where(n => !known.Contains(n)).Select(n => $"O{n.ToString(CultureInfo.InvariantCulture)}").ToList();
    }

    /// <summary>True when any item, element or data-year rule is not yet checked against the NACC manual.</summary>
    public bool IsProvisional() =>
        AllItems().Any(i => !i.Confirmed || i.Elements.Any(e => !e.Confirmed) || i.DataYear is { Confirmed: false });

    private static int ItemNumber(string code) =>
        code.Length > 1 && (code[0] is 'O' or 'o') && int.TryParse(code.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : int.MaxValue;
}

/// <summary>ตัวชี้วัด, e.g. "9" การเปิดเผยข้อมูล.</summary>
public sealed record ItaIndicator
{
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public List<ItaSubIndicator> SubIndicators { get; init; } = [];
}

/// <summary>ตัวชี้วัดย่อย, e.g. "10.2" มาตรการส่งเสริมคุณธรรมและความโปร่งใส.</summary>
public sealed record ItaSubIndicator
{
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public List<ItaItem> Items { get; init; } = [];
}

/// <summary>One OIT item (ข้อ O1, O2, …).</summary>
public sealed record ItaItem
{
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>Which machine checks apply beyond the disclosure itself.</summary>
    public ItaItemKind Kind { get; init; } = ItaItemKind.Disclosure;

    /// <summary>
    /// What the manual says the item requires, before its list of elements (the clause after "กำหนดองค์ประกอบด้านข้อมูล
    /// ไว้ว่า", e.g. 2567 O35 "แสดงผลการดำเนินการเพื่อส่งเสริม…"); null when its wording is not known. Documents quote it.
    /// </summary>
    public string? RequirementClause { get; init; }

    public const int MaxRequirementClauseLength = 1000;

    /// <summary>องค์ประกอบด้านข้อมูล, in the manual's order.</summary>
    public List<ItaElement> Elements { get; init; } = [];

    /// <summary>The time condition; null when the manual states none.</summary>
    public ItaDataYearRule? DataYear { get; init; }

    /// <summary>LAO types the item applies to; empty means every type.</summary>
    public List<OrganisationType> AppliesTo { get; init; } = [];

    /// <summary>False when the code and title were not checked against the NACC manual itself.</summary>
    public bool Confirmed { get; init; } = true;

    public bool AppliesToType(OrganisationType type) => AppliesTo.Count == 0 || AppliesTo.Contains(type);
}

public enum ItaItemKind
{
    /// <summary>Published data: answer, URL(s), reachable evidence.</summary>
    Disclosure = 1,

    /// <summary>The measures item (2566 O42): analysis and measures with owners, steps, monitoring.</summary>
    Measures = 2,

    /// <summary>The report item (2567 O35): each measure with its result summary and outcome.</summary>
    MeasuresReport = 3,
}

/// <summary>One required element; <see cref="Confirmed"/> is false for wording not checked against the manual.</summary>
public sealed record ItaElement
{
    public string Text { get; init; } = "";
    public bool Confirmed { get; init; }
}

/// <summary>
/// "เป็นการดำเนินการในปี พ.ศ. N-1": the data must belong to fiscal year <c>assessment year + Offset</c>.
/// </summary>
public sealed record ItaDataYearRule
{
    /// <summary>0 = the assessment year itself, -1 = the year before, …</summary>
    public int Offset { get; init; }

    /// <summary>The manual's wording, e.g. "เป็นการดำเนินการในปี พ.ศ. 2566".</summary>
    public string? Text { get; init; }

    public bool Confirmed { get; init; }

    public int FiscalYearFor(int assessmentYear) => assessmentYear + Offset;
}

/// <summary>Scoring: each item 100 or 0; the pass mark; rating tiers where known (highest first).</summary>
public sealed record ItaScoring
{
    public decimal ItemFullScore { get; init; } = 100m;
    public decimal PassMark { get; init; } = 85m;
    public List<ItaRatingTier> Tiers { get; init; } = [];
}

/// <summary>A rating tier on the (OIT) score, e.g. ผ่าน from 85.</summary>
public sealed record ItaRatingTier
{
    public string Name { get; init; } = "";
    public decimal MinScore { get; init; }
    public bool Confirmed { get; init; }
}

/// <summary>A step of the year's calendar (ปฏิทินการประเมิน), e.g. OIT entry 1 Mar – 30 Apr.</summary>
public sealed record ItaMilestone
{
    public string Title { get; init; } = "";
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool Confirmed { get; init; }
}
