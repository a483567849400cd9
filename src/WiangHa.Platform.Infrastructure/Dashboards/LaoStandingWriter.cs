using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Dashboards;

/// <summary>
/// Keeps the dashboards' read model current: each compliance run rewrites its LAO's <see cref="LaoStanding"/> for the
/// year, in the run's own unit of work, so a standing never describes a run that was not saved.
/// </summary>
public sealed class LaoStandingWriter(PlatformDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(
        Organisation organisation, ComplianceRun run, IReadOnlyList<(string Code, ItemVerdict Verdict)> verdicts, IReadOnlyList<MeasureInput> measures,
        DateTimeOffset? lastDisclosureEdit, CancellationToken cancellationToken)
    {
        var standing = db.LaoStandings.Local.SingleOrDefault(s => s.OrganisationId == organisation.Id && s.AssessmentYear == run.AssessmentYear)
            ?? await db.LaoStandings.SingleOrDefaultAsync(s => s.OrganisationId == organisation.Id && s.AssessmentYear == run.AssessmentYear, cancellationToken);
        if (standing is null)
        {
            standing = new LaoStanding
            {
                OrganisationId = organisation.Id, AssessmentYear = run.AssessmentYear, ProvinceCode = organisation.ProvinceCode, DistrictCode = organisation.DistrictCode,
            };
            db.LaoStandings.Add(standing);
        }
        else if (standing.CheckedAt > run.FinishedAt)
        {
            return; // a newer run already wrote it
        }

        Apply(standing, organisation, run, verdicts, measures, lastDisclosureEdit, DateOnly.FromDateTime(ThaiTime.ToBangkok(clock.GetUtcNow()).DateTime));
    }

    /// <summary>The standing's figures from one run over entities (the demo).</summary>
    public static void Apply(
        LaoStanding standing, Organisation organisation, ComplianceRun run, IReadOnlyList<(string Code, ItemVerdict Verdict)> verdicts,
        IReadOnlyList<Measure> measures, DateTimeOffset? lastDisclosureEdit, DateOnly today) =>
        Apply(standing, organisation, run, verdicts, measures.Select(MeasureInput.From).ToList(), lastDisclosureEdit, today);

    /// <summary>The standing's figures from one run (pure, so the demo, the per-tenant path and the national night compute them alike).</summary>
    public static void Apply(
        LaoStanding standing, Organisation organisation, ComplianceRun run, IReadOnlyList<(string Code, ItemVerdict Verdict)> verdicts,
        IReadOnlyList<MeasureInput> measures, DateTimeOffset? lastDisclosureEdit, DateOnly today)
    {
        var prefix = $"{run.AssessmentYear}/";
        var serving = measures.Where(m => m.ItaItems.Any(i => i.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        standing.ProvinceCode = organisation.ProvinceCode;
        standing.DistrictCode = organisation.DistrictCode;
        standing.Type = organisation.Type;
        standing.RunId = run.Id;
        standing.ManualVersionNumber = run.ManualVersionNumber;
        standing.CheckedAt = run.FinishedAt ?? run.QueuedAt;
        standing.Score = run.Score;
        standing.Passes = run.Passes;
        standing.Rating = run.Rating;
        standing.Applicable = run.Applicable;
        standing.Passed = run.Passed;
        standing.Warnings = run.Warnings;
        standing.Failed = run.Failed;
        standing.FailingItems = LaoStanding.Join(verdicts.Where(v => v.Verdict.Status == ComplianceStatus.Fail).Select(v => v.Code));
        standing.WarningItems = LaoStanding.Join(verdicts.Where(v => v.Verdict.Status == ComplianceStatus.Warning).Select(v => v.Code));
        standing.MeasuresCompleted = serving.Count(m => m.Facts.Status == MeasureStatus.Completed);
        standing.MeasuresLate = serving.Count(m => RiskRule.IsLate(m.Facts.PeriodTo, m.Facts.Status is MeasureStatus.Completed or MeasureStatus.Cancelled, today));
        standing.MeasuresInProgress = serving.Count(m => m.Facts.Status is MeasureStatus.Planned or MeasureStatus.InProgress) - standing.MeasuresLate;
        var lastMeasureEdit = serving.Count == 0 ? (DateTimeOffset?)null : serving.Max(m => m.UpdatedAt);
        standing.LastActivityAt = new[] { lastMeasureEdit, lastDisclosureEdit }.Max();
    }
}
