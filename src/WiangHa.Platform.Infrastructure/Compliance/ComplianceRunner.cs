using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Compliance;

/// <summary>
/// Runs the compliance rules for tenants and records one <see cref="ComplianceRun"/> per tenant, manual version and
/// slot, with a <see cref="ComplianceResult"/> per item whose verdict changed. One tenant ("check now", the demo) is
/// evaluated in its own DI scope and <see cref="TenantScope"/>, so the tenant filter and write guard apply as they do
/// in a request; the national night goes through <see cref="CrossTenantNightlyRun"/>, which gives the same results.
/// </summary>
public sealed class ComplianceRunner(IServiceScopeFactory scopes, TimeProvider clock, PlatformMetrics metrics, ILogger<ComplianceRunner> logger)
{
    public const int MaxParallelTenants = 4;
    public const int MaxParallelSweeps = 16;

    /// <summary>The idempotency slot of a nightly run: the Bangkok date of the scheduled fire time.</summary>
    public static string NightlySlot(DateTimeOffset scheduledFireTime) =>
        "nightly:" + ThaiTime.ToBangkok(scheduledFireTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Evaluates every active tenant for the slot; returns how many runs were newly recorded. The national night reads
    /// and writes across tenants in chunks (<see cref="CrossTenantNightlyRun"/>); a slot resumed after a replica's
    /// death skips the LAOs already recorded for it.
    /// </summary>
    public async Task<int> RunAllTenantsAsync(string slot, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CrossTenantNightlyRun>().RunAsync(slot, ComplianceRunKind.Nightly, cancellationToken);
        metrics.ComplianceRun(slot.Split(':')[0], outcome.LaosChecked);
        logger.LogInformation("Compliance slot {Slot}: {Recorded} runs recorded for {Tenants} tenants ({Checked} newly checked)", slot, outcome.Recorded, outcome.Tenants, outcome.LaosChecked);
        return outcome.Recorded;
    }

    /// <summary>Evaluates one tenant for each assessment year it is working on (the newest manual and years it has answered).</summary>
    public async Task<int> RunTenantAsync(Organisation organisation, string slot, ComplianceRunKind kind, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PlatformDbContext>();
        var catalogues = services.GetRequiredService<ItaCatalogueQueries>();
        using (services.GetRequiredService<TenantScope>().Enter(TenantInfo.From(organisation)))
        {
            var published = await catalogues.PublishedYearsAsync(cancellationToken);
            if (published.Count == 0)
            {
                return 0;
            }

            var answered = await db.ItemDisclosures.Select(d => d.AssessmentYear).Distinct().ToListAsync(cancellationToken);
            var years = answered.Where(published.Contains).Append(published[0]).Distinct();
            // Every year of the tenant in one transaction: one commit per tenant, not per year.
            var evaluation = services.GetRequiredService<ComplianceEvaluation>();
            var added = 0;
            foreach (var year in years)
            {
                added += await evaluation.AddAsync(organisation, year, slot, kind, existingRunId: null, cancellationToken) ? 1 : 0;
            }

            return added > 0 && await evaluation.SaveAsync(cancellationToken) ? added : 0;
        }
    }

    /// <summary>"Check now": refreshes the tenant's links, then completes the queued run.</summary>
    public async Task RunQueuedAsync(Guid tenantId, Guid runId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var tenant = await services.GetRequiredService<TenantStore>().FindByIdAsync(tenantId, cancellationToken);
        var organisation = await services.GetRequiredService<PlatformDbContext>().Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == tenantId, cancellationToken);
        if (tenant is null || organisation is null)
        {
            return;
        }

        using (services.GetRequiredService<TenantScope>().Enter(tenant))
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            var run = await db.ComplianceRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
            if (run is null || run.State is ComplianceRunState.Completed)
            {
                return; // another firing already did it
            }

            run.State = ComplianceRunState.Running;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            await services.GetRequiredService<LinkSweep>().CheckTenantLinksAsync(run.AssessmentYear, cancellationToken);
            await services.GetRequiredService<ComplianceEvaluation>().RecordAsync(organisation, run.AssessmentYear, run.Slot, run.Kind, runId, cancellationToken);
        }
    }

    /// <summary>Evidence-link sweep: re-checks every tenant's disclosure URLs.</summary>
    public async Task<int> SweepAllLinksAsync(CancellationToken cancellationToken = default)
    {
        List<Organisation> organisations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            organisations = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Organisations.AsNoTracking()
                .Where(o => o.Status == OrganisationStatus.Active).ToListAsync(cancellationToken);
        }

        // Tenants are (mostly) different hosts: many at once, while the checker stays polite to each host.
        var checkedLinks = 0;
        await Parallel.ForEachAsync(organisations, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelSweeps, CancellationToken = cancellationToken }, async (organisation, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(TenantInfo.From(organisation)))
            {
                Interlocked.Add(ref checkedLinks, await scope.ServiceProvider.GetRequiredService<LinkSweep>().CheckTenantLinksAsync(null, ct));
            }
        });

        logger.LogInformation("Link sweep: {Links} links checked at {Now}", checkedLinks, clock.GetUtcNow());
        return checkedLinks;
    }
}
