using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using Quartz;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// Nightly: deletes expired or revoked OpenID Connect tokens and authorizations older than a safety margin
/// (OpenIddict.Quartz is not served, so this is the same job written on the managers' PruneAsync).
/// Idempotent: pruning twice removes nothing more.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PruneOpenIdTokensJob(
    IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TimeProvider clock, ILogger<PruneOpenIdTokensJob> logger) : IJob
{
    public static readonly JobKey Key = new("prune-openid-tokens", "identity");

    /// <summary>Keep two weeks of history for investigations (audit), as OpenIddict's own Quartz job does.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(14);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await PruneAsync(cancellationToken);

    public async Task<(long Tokens, long Authorizations)> PruneAsync(CancellationToken cancellationToken = default)
    {
        var threshold = clock.GetUtcNow() - MinimumAge;
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);
        logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations older than {Threshold}", prunedTokens, prunedAuthorizations, threshold);
        return (prunedTokens, prunedAuthorizations);
    }

    public static void Configure(IQuartzBuilder quartz)
    {
        quartz.AddJob<PruneOpenIdTokensJob>(job => job.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger(trigger => trigger
            .ForJob(Key)
            .WithIdentity("prune-openid-tokens-nightly", "identity")
            .WithCronSchedule("0 30 3 * * ?", cron => cron
                .InTimeZone(Compliance.ComplianceSchedule.Bangkok)
                // A missed night (all replicas down) runs once at start-up; pruning later is harmless.
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
