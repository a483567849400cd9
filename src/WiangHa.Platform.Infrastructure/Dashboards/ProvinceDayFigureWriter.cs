using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Dashboards;

/// <summary>
/// After each nightly run, records every province's figures for the day from the standings: the trends' history.
/// Running it twice for a day replaces that day's rows (idempotent), so a second node or a rerun changes nothing.
/// </summary>
public sealed class ProvinceDayFigureWriter(PlatformDbContext db)
{
    public async Task<int> RecordAsync(int assessmentYear, DateOnly day, CancellationToken cancellationToken = default)
    {
        var figures = await db.LaoStandings.Where(s => s.AssessmentYear == assessmentYear).GroupBy(s => s.ProvinceCode)
            .Select(g => new
            {
                Province = g.Key,
                Checked = g.Count(),
                ScoreSum = g.Sum(s => s.Score),
                AtPassMark = g.Count(s => s.Passes),
                AtRisk = g.Count(s => !s.Passes || s.MeasuresLate > 0),
            }).ToListAsync(cancellationToken);
        var onboarded = await db.Organisations.Where(o => o.Status == OrganisationStatus.Active).GroupBy(o => o.ProvinceCode)
            .Select(g => new { Province = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Province, x => x.Count, cancellationToken);

        db.ProvinceDayFigures.RemoveRange(await db.ProvinceDayFigures.Where(f => f.AssessmentYear == assessmentYear && f.Day == day).ToListAsync(cancellationToken));
        foreach (var f in figures)
        {
            var active = onboarded.GetValueOrDefault(f.Province);
            db.ProvinceDayFigures.Add(new ProvinceDayFigure
            {
                ProvinceCode = f.Province, AssessmentYear = assessmentYear, Day = day, Onboarded = active, Checked = f.Checked,
                AverageScore = Math.Round(f.ScoreSum / f.Checked, 2), AtPassMark = f.AtPassMark,
                // Onboarded LAOs never checked are chased too.
                AtRisk = f.AtRisk + Math.Max(0, active - f.Checked),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return figures.Count;
    }
}
