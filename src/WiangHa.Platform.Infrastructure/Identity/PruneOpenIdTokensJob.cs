using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using Quartz;
using WiangHa.Platform.Infrastructure.Compliance;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// Nightly: deletes expired or revoked OpenID Connect tokens and authorizations older than a safety margin
/// (OpenIddict.Quartz is not served, so this is the same job written on the managers' PruneAsync).
/// Idempotent: pruning twice removes nothing more. The same night prunes sign-in attempts and sent identity mail
/// (<see cref="CrossTenantIdentityRetention"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class PruneOpenIdTokensJob(
    IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, CrossTenantIdentityRetention retention, TimeProvider clock,
    ILogger<PruneOpenIdTokensJob> logger) : IJob
{
    public static readonly JobKey Key = new("prune-openid-tokens", "identity");

    /// <summary>A missed night (all replicas down) runs once at start-up; pruning later is harmless.</summary>
    public static readonly RecurringTrigger Trigger = new(
        new TriggerKey("prune-openid-tokens-nightly", "identity"), Key, o => o.PruneOpenIdTokensCron, CronTriggerMisfireInstruction.FireAndProceed);

    /// <summary>Keep two weeks of history for investigations (audit), as OpenIddict's own Quartz job does.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(14);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await PruneAsync(cancellationToken);
        var (attempts, mails) = await retention.PruneAsync(cancellationToken);
        logger.LogInformation("Pruned {Attempts} sign-in attempts and {Mails} queued mails", attempts, mails);
    }

    public async Task<(long Tokens, long Authorizations)> PruneAsync(CancellationToken cancellationToken = default)
    {
        var threshold = clock.GetUtcNow() - MinimumAge;
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);
        logger.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations older than {Threshold}", prunedTokens, prunedAuthorizations, threshold);
        return (prunedTokens, prunedAuthorizations);
    }
}
