using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>Checks the current tenant's disclosure URLs and keeps the latest result per URL.</summary>
public sealed class LinkSweep(PlatformDbContext db, LinkChecker checker, TimeProvider clock)
{
    public async Task<int> CheckTenantLinksAsync(int? assessmentYear, CancellationToken cancellationToken)
    {
        var query = db.ItemDisclosures.AsNoTracking().Where(d => d.Answer == DisclosureAnswer.Yes);
        if (assessmentYear is { } year)
        {
            query = query.Where(d => d.AssessmentYear == year);
        }

        var urls = (await query.Select(d => d.Urls).ToListAsync(cancellationToken)).SelectMany(u => u)
            .Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.LinkChecks.Where(l => urls.Contains(l.Url)).ToDictionaryAsync(l => l.Url, StringComparer.Ordinal, cancellationToken);
        foreach (var url in urls)
        {
            var report = await checker.CheckAsync(url, cancellationToken);
            if (!existing.TryGetValue(url, out var row))
            {
                row = new LinkCheck { Url = url };
                db.LinkChecks.Add(row);
            }

            row.Outcome = report.Outcome;
            row.StatusCode = report.StatusCode;
            row.ContentType = report.ContentType?[..Math.Min(report.ContentType.Length, 200)];
            row.FinalUrl = report.FinalUrl?[..Math.Min(report.FinalUrl.Length, 2000)];
            row.Detail = report.Detail;
            row.YearsMentioned = [.. report.YearsMentioned];
            row.IsText = report.IsText;
            row.CheckedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return urls.Count;
    }
}
