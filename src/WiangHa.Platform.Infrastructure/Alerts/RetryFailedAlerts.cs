using System.Text.Json;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;

namespace WiangHa.Platform.Infrastructure.Alerts;

public sealed record FailedAlertsRetried(int Count) : CommandResult;

/// <summary>An operator retries every failed alert the outbox filter matches (after a channel's outage was fixed, say).</summary>
public sealed class RetryFailedAlertsHandler(AlertOutboxQueries outbox, CrossTenantAlertRetries retries, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(OutboxFilter filter, CancellationToken cancellationToken = default)
    {
        var ids = await outbox.FailedIdsAsync(filter, cancellationToken);
        var count = ids.Count == 0 ? 0 : await retries.RetryAsync(ids, clock.GetUtcNow(), cancellationToken);
        if (count > 0)
        {
            await audit.RecordAsync(AuditActions.FailedAlertsRetried, subjectType: "AlertMessage",
                details: JsonSerializer.Serialize(new { channel = filter.Channel?.ToString(), search = filter.Search, count }), cancellationToken: cancellationToken);
        }

        return new FailedAlertsRetried(count);
    }
}
