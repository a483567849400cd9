using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// Each assessment year's ITA calendar: the operator's stored steps, or the provisional pattern of past years
/// (<see cref="ProvisionalItaCalendar"/>) for a year nobody has edited yet.
/// </summary>
public sealed class MilestoneCalendar(PlatformDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ItaDeadline>> ForYearAsync(int assessmentYear, CancellationToken cancellationToken = default)
    {
        var stored = await db.AssessmentMilestones.AsNoTracking().Where(m => m.AssessmentYear == assessmentYear).ToListAsync(cancellationToken);
        return stored.Count == 0
            ? ProvisionalItaCalendar.For(assessmentYear)
            : stored.OrderBy(m => m.Date).Select(m => m.ToDeadline()).ToList();
    }

    /// <summary>The first milestone on or after <paramref name="today"/>, of this assessment year or the next.</summary>
    public async Task<ItaDeadline> NextAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var year = today.Year + 543;
        var steps = (await ForYearAsync(year, cancellationToken)).Concat(await ForYearAsync(year + 1, cancellationToken));
        return steps.Where(m => m.Date >= today).MinBy(m => m.Date) ?? ProvisionalItaCalendar.Next(today);
    }

    /// <summary>Stores the year's steps as the operator set them (dates, and which are confirmed by the NACC).</summary>
    public async Task SaveAsync(int assessmentYear, IReadOnlyList<ItaDeadline> steps, CancellationToken cancellationToken = default)
    {
        var stored = await db.AssessmentMilestones.Where(m => m.AssessmentYear == assessmentYear).ToDictionaryAsync(m => m.Key, StringComparer.Ordinal, cancellationToken);
        foreach (var step in steps)
        {
            if (!stored.TryGetValue(step.Key, out var milestone))
            {
                milestone = new AssessmentMilestone { AssessmentYear = assessmentYear, Key = step.Key, NameTh = step.NameTh, NameEn = step.NameEn };
                db.AssessmentMilestones.Add(milestone);
            }

            milestone.NameTh = step.NameTh;
            milestone.NameEn = step.NameEn;
            milestone.Date = step.Date;
            milestone.Provisional = step.Provisional;
            milestone.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AlertPolicy> PolicyAsync(CancellationToken cancellationToken = default) =>
        await db.AlertPolicies.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new AlertPolicy();
}
