using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Measures;

namespace WiangHa.Platform.Infrastructure.Measures;

/// <summary>A measure as the UI and the API show it.</summary>
public sealed record MeasureView(
    Guid Id,
    int FiscalYear,
    int Number,
    string Title,
    AnalysisBasis AnalysisBasis,
    IReadOnlyList<string> Steps,
    IReadOnlyList<OrgUnitRef> ResponsibleUnits,
    MonthRef PeriodFrom,
    MonthRef PeriodTo,
    MeasureStatus Status,
    string? Monitoring,
    IReadOnlyList<string> ResultPoints,
    string? Outcome,
    IReadOnlyList<string> ItaItems,
    IReadOnlyList<EvidenceLinkView> EvidenceLinks,
    Guid Version,
    DateTimeOffset UpdatedAt,
    string? PeriodText = null)
{
    public static MeasureView From(Measure m) => new(
        m.Id,
        m.FiscalYear,
        m.Number,
        m.Title,
        m.AnalysisBasis,
        m.Steps,
        m.ResponsibleUnits.OrderBy(u => u.SortOrder).ThenBy(u => u.Name, StringComparer.Ordinal).Select(u => new OrgUnitRef(u.Id, u.Name)).ToList(),
        MonthRef.From(m.PeriodFrom),
        MonthRef.From(m.PeriodTo),
        m.Status,
        m.Monitoring,
        m.ResultPoints,
        m.Outcome,
        m.ItaItems,
        m.EvidenceLinks.OrderBy(l => l.SortOrder).Select(l => new EvidenceLinkView(l.Url, l.Title, l.Channel)).ToList(),
        m.Version,
        m.UpdatedAt,
        m.PeriodText);
}

public sealed record OrgUnitRef(Guid Id, string Name);

public sealed record EvidenceLinkView(string Url, string? Title, EvidenceChannel Channel)
{
    /// <summary>The title, or the site the link is on when it has none.</summary>
    public string Label => EvidenceLink.Label(Title, Url);
}

/// <summary>A month with its Buddhist Era year, e.g. {2565, 10} = ตุลาคม ๒๕๖๕.</summary>
public sealed record MonthRef(int Year, int Month)
{
    public static MonthRef From(DateOnly firstDay) => new(firstDay.Year + Domain.Calendar.FiscalYear.BuddhistEraOffset, firstDay.Month);

    public string ToThai(bool thaiDigits = false) => ThaiMonth.FromBuddhist(Year, Month).ToThai(thaiDigits);
}
