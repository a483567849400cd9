using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>
/// Each assessment year's ITA calendar: the operator's stored steps, or the provisional pattern of past years
/// (<see cref="ProvisionalItaCalendar"/>) for a year nobody has edited yet. Operators write it through
/// <see cref="SaveMilestonesHandler"/>.
/// </summary>
public sealed class MilestoneCalendar(PlatformDbContext db)
{
    public async Task<IReadOnlyList<ItaDeadline>> ForYearAsync(int assessmentYear, CancellationToken cancellationToken = default)
    {
        var stored = await db.AssessmentMilestones.AsNoTracking().Where(m => m.AssessmentYear == assessmentYear).ToListAsync(cancellationToken);
        return stored.Count == 0
            ? ProvisionalItaCalendar.For(assessmentYear)
            : stored.OrderBy(m => m.Date).Select(m => m.ToDeadline()).ToList();
    }

    /// <summary>The assessment year whose season runs on <paramref name="today"/> or comes next: ITA {BE} runs January–August of that CE year.</summary>
    public static int AssessmentYearOn(DateOnly today) => today.Month >= 9 ? today.Year + 544 : today.Year + 543;

    /// <summary>The first milestone on or after <paramref name="today"/>, of this assessment year or the next.</summary>
    public async Task<ItaDeadline> NextAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var year = today.Year + 543;
        var steps = (await ForYearAsync(year, cancellationToken)).Concat(await ForYearAsync(year + 1, cancellationToken));
        return steps.Where(m => m.Date >= today).MinBy(m => m.Date) ?? ProvisionalItaCalendar.Next(today);
    }

    public async Task<AlertPolicy> PolicyAsync(CancellationToken cancellationToken = default) =>
        await db.AlertPolicies.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new AlertPolicy();
}
