namespace WiangHa.Platform.Domain.Measures;

/// <summary>
/// Size limits of a measure. Generous for real reports (the seed's longest cell is under 400 characters) yet small
/// enough that one measure cannot bloat a page, a document or the database.
/// </summary>
public static class MeasureLimits
{
    /// <summary>Measures are numbered 1–999 within a fiscal year (the report's order).</summary>
    public const int MaxNumber = 999;
    public const int TitleMaxLength = 1000;
    public const int StepMaxLength = 1000;
    public const int MaxSteps = 30;
    public const int ResultPointMaxLength = 2000;
    public const int MaxResultPoints = 30;
    public const int OutcomeMaxLength = 4000;
    public const int MonitoringMaxLength = 2000;
    public const int PeriodTextMaxLength = 200;
    public const int MaxResponsibleUnits = 30;
    public const int MaxEvidenceLinks = 30;
    public const int UrlMaxLength = 2000;
    public const int LinkTitleMaxLength = 300;
    public const int MaxItaItems = 20;
    public const int ItaItemMaxLength = 20;
}
