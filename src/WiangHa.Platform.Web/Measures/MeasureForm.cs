using System.Text.RegularExpressions;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Measures;

namespace WiangHa.Platform.Web.Measures;

/// <summary>
/// The measure form as a clerk fills it: steps and result points as one numbered paragraph per line, evidence as
/// rows. Converts to and from the use cases' <see cref="MeasureInput"/>.
/// </summary>
public sealed partial class MeasureForm
{
    /// <summary>Number boxes whose bad input the use case itself reports in Thai.</summary>
    public static readonly string[] NumericFields =
        [nameof(FiscalYear), nameof(PeriodFromYear), nameof(PeriodFromMonth), nameof(PeriodToYear), nameof(PeriodToMonth)];

    /// <summary>Empty evidence rows offered on the form for new links.</summary>
    public const int SpareEvidenceRows = 2;

    public int FiscalYear { get; set; }
    public int? Number { get; set; }
    public string? Title { get; set; }
    public AnalysisBasis AnalysisBasis { get; set; }
    public string? StepsText { get; set; }
    public List<Guid> ResponsibleUnitIds { get; set; } = [];
    public int PeriodFromYear { get; set; }
    public int PeriodFromMonth { get; set; }
    public int PeriodToYear { get; set; }
    public int PeriodToMonth { get; set; }
    public string? PeriodText { get; set; }
    public MeasureStatus Status { get; set; } = MeasureStatus.Planned;
    public string? Monitoring { get; set; }
    public string? ResultPointsText { get; set; }
    public string? Outcome { get; set; }
    public List<string> ItaItems { get; set; } = [];
    public List<EvidenceLinkForm> EvidenceLinks { get; set; } = [];

    /// <summary>Concurrency token of the measure being edited.</summary>
    public Guid Version { get; set; }

    /// <summary>One key per opened "new measure" form, so a double submit creates one measure.</summary>
    public Guid SubmissionKey { get; set; }

    public static MeasureForm ForNew(int fiscalYear)
    {
        var year = new FiscalYear(fiscalYear);
        var form = new MeasureForm
        {
            FiscalYear = fiscalYear,
            PeriodFromYear = year.Start.Year + Domain.Calendar.FiscalYear.BuddhistEraOffset,
            PeriodFromMonth = year.Start.Month,
            PeriodToYear = year.End.Year + Domain.Calendar.FiscalYear.BuddhistEraOffset,
            PeriodToMonth = year.End.Month,
            SubmissionKey = Guid.NewGuid(),
        };
        form.PadEvidenceRows();
        return form;
    }

    public static MeasureForm From(MeasureView view)
    {
        var form = new MeasureForm
        {
            FiscalYear = view.FiscalYear,
            Number = view.Number,
            Title = view.Title,
            AnalysisBasis = view.AnalysisBasis,
            StepsText = string.Join('\n', view.Steps),
            ResponsibleUnitIds = view.ResponsibleUnits.Select(u => u.Id).ToList(),
            PeriodFromYear = view.PeriodFrom.Year,
            PeriodFromMonth = view.PeriodFrom.Month,
            PeriodToYear = view.PeriodTo.Year,
            PeriodToMonth = view.PeriodTo.Month,
            PeriodText = view.PeriodText,
            Status = view.Status,
            Monitoring = view.Monitoring,
            ResultPointsText = string.Join('\n', view.ResultPoints),
            Outcome = view.Outcome,
            ItaItems = [.. view.ItaItems],
            EvidenceLinks = view.EvidenceLinks.Select(l => new EvidenceLinkForm { Url = l.Url, Title = l.Title, Channel = l.Channel }).ToList(),
            Version = view.Version,
        };
        form.PadEvidenceRows();
        return form;
    }

    public void PadEvidenceRows()
    {
        var filled = EvidenceLinks.Count(l => !string.IsNullOrWhiteSpace(l.Url) || !string.IsNullOrWhiteSpace(l.Title));
        EvidenceLinks = EvidenceLinks.Take(Math.Max(filled, EvidenceLinks.Count)).ToList();
        while (EvidenceLinks.Count < filled + SpareEvidenceRows)
        {
            EvidenceLinks.Add(new EvidenceLinkForm());
        }
    }

    public MeasureInput ToInput() => new()
    {
        FiscalYear = FiscalYear,
        Number = Number,
        Title = Title,
        AnalysisBasis = AnalysisBasis,
        Steps = Paragraphs(StepsText),
        ResponsibleUnitIds = ResponsibleUnitIds,
        PeriodFromYear = PeriodFromYear,
        PeriodFromMonth = PeriodFromMonth,
        PeriodToYear = PeriodToYear,
        PeriodToMonth = PeriodToMonth,
        PeriodText = PeriodText,
        Status = Status,
        Monitoring = Monitoring,
        ResultPoints = Paragraphs(ResultPointsText),
        Outcome = Outcome,
        ItaItems = ItaItems,
        EvidenceLinks = EvidenceLinks.Select(l => new EvidenceLinkInput(l.Url, l.Title, l.Channel)).ToList(),
    };

    /// <summary>
    /// Maps a use-case field name to the form field that shows its error ("Steps[2]" → "StepsText").
    /// </summary>
    /// <summary>
    /// <see cref="FieldFor"/> for this posted form: the use case numbers evidence links without the blank rows, the form
    /// with them, so "EvidenceLinks[0].Url" of the input is the first filled row of the form, wherever it stands.
    /// </summary>
    public string FormFieldFor(string inputField)
    {
        var filled = EvidenceLinks.Select((l, i) => (l, i)).Where(r => !string.IsNullOrWhiteSpace(r.l.Url) || !string.IsNullOrWhiteSpace(r.l.Title)).Select(r => r.i).ToList();
        var prefix = $"{nameof(MeasureInput.EvidenceLinks)}[";
        if (inputField.StartsWith(prefix, StringComparison.Ordinal) && inputField.IndexOf(']', StringComparison.Ordinal) is var close and > 0
            && int.TryParse(inputField.AsSpan(prefix.Length, close - prefix.Length), out var index) && index < filled.Count)
        {
            return $"{prefix}{filled[index].ToString(System.Globalization.CultureInfo.InvariantCulture)}{inputField[close..]}";
        }

        return FieldFor(inputField);
    }

    public static string FieldFor(string inputField)
    {
        var root = inputField.Split('[', '.')[0];
        return root switch
        {
            nameof(MeasureInput.Steps) => nameof(StepsText),
            nameof(MeasureInput.ResultPoints) => nameof(ResultPointsText),
            nameof(MeasureInput.ItaItems) => nameof(ItaItems),
            _ => inputField,
        };
    }

    /// <summary>One paragraph per line; a typed "1." or "๑." at the start is dropped because the list numbers itself.</summary>
    public static List<string> Paragraphs(string? text) =>
        (text ?? "").Split('\n')
            .Select(line => LeadingNumber().Replace(line.Trim(), ""))
            .Where(line => line.Length > 0)
            .ToList();

    [GeneratedRegex(@"^[0-9๐-๙]{1,3}[.)]\s*")]
    private static partial Regex LeadingNumber();
}

public sealed class EvidenceLinkForm
{
    public string? Url { get; set; }
    public string? Title { get; set; }
    public EvidenceChannel Channel { get; set; } = EvidenceChannel.Website;
}
