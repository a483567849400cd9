using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Measures;

namespace WiangHa.Platform.Infrastructure.Measures;

/// <summary>What a clerk (form) or an integration (API) submits to create or edit a measure.</summary>
public sealed record MeasureInput
{
    /// <summary>ปีงบประมาณ (พ.ศ.).</summary>
    public int FiscalYear { get; init; }

    /// <summary>Order in the report; the next free number when omitted.</summary>
    public int? Number { get; init; }

    [MultiLineText]
    public string? Title { get; init; }
    public AnalysisBasis AnalysisBasis { get; init; }
    public IReadOnlyList<string>? Steps { get; init; }
    public IReadOnlyList<Guid>? ResponsibleUnitIds { get; init; }

    /// <summary>First month of the period: Buddhist Era year and month (1–12).</summary>
    public int PeriodFromYear { get; init; }
    public int PeriodFromMonth { get; init; }
    public int PeriodToYear { get; init; }
    public int PeriodToMonth { get; init; }

    /// <summary>The period as the source document wrote it (optional; shown beside the months).</summary>
    public string? PeriodText { get; init; }

    public MeasureStatus Status { get; init; } = MeasureStatus.Planned;
    [MultiLineText]
    public string? Monitoring { get; init; }
    public IReadOnlyList<string>? ResultPoints { get; init; }
    [MultiLineText]
    public string? Outcome { get; init; }
    public IReadOnlyList<string>? ItaItems { get; init; }
    public IReadOnlyList<EvidenceLinkInput>? EvidenceLinks { get; init; }

    /// <summary>Trims every text and drops blank list entries, so "   " counts as empty everywhere.</summary>
    public MeasureInput Normalised() => this with
    {
        Title = Title?.Trim(),
        Steps = Clean(Steps),
        ResultPoints = Clean(ResultPoints),
        ItaItems = Clean(ItaItems),
        Monitoring = NullIfBlank(Monitoring),
        PeriodText = NullIfBlank(PeriodText),
        Outcome = NullIfBlank(Outcome),
        ResponsibleUnitIds = ResponsibleUnitIds?.Distinct().ToList() ?? [],
        EvidenceLinks = (EvidenceLinks ?? [])
            .OfType<EvidenceLinkInput>()
            .Select(l => new EvidenceLinkInput(l.Url?.Trim(), NullIfBlank(l.Title), l.Channel))
            .Where(l => !string.IsNullOrEmpty(l.Url) || !string.IsNullOrEmpty(l.Title))
            .ToList(),
    };

    private static List<string> Clean(IReadOnlyList<string>? items) =>
        (items ?? []).Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).ToList();

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record EvidenceLinkInput(string? Url, string? Title, EvidenceChannel Channel = EvidenceChannel.Website);
