using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Domain.Dashboards;

/// <summary>
/// The dashboards' read model: one LAO's latest standing in one assessment year, rewritten by every compliance run
/// of that LAO (in the run's transaction). Not tenant-owned: it is the cross-tenant projection supervisors read, and
/// only <c>DashboardQueries</c> reads it, always through a <c>SupervisorScope</c>. The LAO's own data stays behind the
/// tenant filter.
/// </summary>
public sealed class LaoStanding
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public int AssessmentYear { get; init; }

    // Copied from the organisation so a province's figures are one indexed range, not a join.
    public required string ProvinceCode { get; set; }
    public required string DistrictCode { get; set; }
    public OrganisationType Type { get; set; }

    public Guid RunId { get; set; }
    public int ManualVersionNumber { get; set; }
    public DateTimeOffset CheckedAt { get; set; }
    public decimal Score { get; set; }
    public bool Passes { get; set; }
    public string? Rating { get; set; }
    public int Applicable { get; set; }
    public int Passed { get; set; }
    public int Warnings { get; set; }
    public int Failed { get; set; }

    /// <summary>Codes of the items that fail, space-separated ("O3 O35"): the heat map and the at-risk reason.</summary>
    public string FailingItems { get; set; } = "";

    /// <summary>Codes of the items that pass with a warning, space-separated.</summary>
    public string WarningItems { get; set; } = "";

    /// <summary>Measures serving this year's items: done, in progress (or planned), and late (period over, not done).</summary>
    public int MeasuresCompleted { get; set; }
    public int MeasuresInProgress { get; set; }
    public int MeasuresLate { get; set; }

    /// <summary>The LAO's newest edit of a measure or a disclosure.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    public IReadOnlyList<string> FailingItemCodes => Split(FailingItems);
    public IReadOnlyList<string> WarningItemCodes => Split(WarningItems);

    public static string Join(IEnumerable<string> codes) => string.Join(' ', codes);

    private static string[] Split(string codes) => codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// A province's figures on one day of a season (Bangkok date), taken after the nightly run: the trends' history,
/// 76 rows a night for the whole country, kept for every year.
/// </summary>
public sealed class ProvinceDayFigure
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string ProvinceCode { get; init; }
    public int AssessmentYear { get; init; }
    public DateOnly Day { get; init; }
    public int Onboarded { get; set; }
    public int Checked { get; set; }
    public decimal AverageScore { get; set; }
    public int AtPassMark { get; set; }
    public int AtRisk { get; set; }
}
