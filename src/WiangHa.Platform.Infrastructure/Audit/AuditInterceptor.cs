using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Domain.Tenancy;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Audit;

/// <summary>
/// Writes an <see cref="AuditEvent"/> with before/after values for every change to audited entities
/// (<see cref="AuditedEntities"/>: measures, units, evidence, memberships, disclosures, analyses, publication, import
/// confirmations, ITA manuals, LAO status), in the same transaction as the change, and keeps the trail append-only.
/// Demo and bulk seeding inside <see cref="AuditSeeding.Skip"/> is not audited.
/// </summary>
public sealed class AuditInterceptor(IAuditActorAccessor actors, IMultiTenantContextAccessor tenants, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Ignored = ["Id", "TenantId", "Version", "UpdatedAt", "CreatedAt", "SubmissionKey"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null || AuditSeeding.IsSkipping)
        {
            return;
        }

        var events = new List<AuditEvent>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit trail is append-only.");
            }

            if (entry.State is EntityState.Unchanged or EntityState.Detached
                || !AuditedEntities.Rules.TryGetValue(entry.Metadata.ClrType, out var rule)
                || rule.Action(entry) is not { } action
                || Describe(entry, rule) is not { } details)
            {
                continue;
            }

            var actor = actors.Current;
            events.Add(new AuditEvent
            {
                OccurredAt = clock.GetUtcNow(),
                Action = action,
                TenantId = entry.Entity switch
                {
                    ITenantOwned owned => owned.TenantId == Guid.Empty ? tenants.MultiTenantContext.TenantInfo?.Id : owned.TenantId,
                    Membership membership => membership.OrganisationId,
                    Organisation organisation => organisation.Id,
                    _ => null,
                },
                ActorUserId = actor.UserId,
                ActorName = actor.Name,
                IpAddress = actor.IpAddress,
                SubjectType = entry.Metadata.ClrType.Name,
                SubjectId = entry.Property("Id").CurrentValue?.ToString(),
                Details = details,
            });
        }

        context.Set<AuditEvent>().AddRange(events);
    }

    private static string? Describe(EntityEntry entry, AuditRule rule)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Ignored.Contains(name) || rule.Only?.Contains(name) == false || rule.Skip?.Contains(name) == true)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    after[name] = property.CurrentValue;
                    break;
                case EntityState.Deleted:
                    before[name] = property.OriginalValue;
                    break;
                case EntityState.Modified when property.IsModified && !Equals(Json(property.OriginalValue), Json(property.CurrentValue)):
                    before[name] = property.OriginalValue;
                    after[name] = property.CurrentValue;
                    break;
            }
        }

        if (entry.State == EntityState.Modified && after.Count == 0)
        {
            return null;
        }

        var details = new AuditDetails(rule.Label(entry.Entity), rule.Year?.Invoke(entry.Entity), before.Count > 0 ? before : null, after.Count > 0 ? after : null);
        return JsonSerializer.Serialize(details, AuditDetails.JsonOptions);
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value);
}

/// <summary>
/// The JSON in <see cref="AuditEvent.Details"/> of an entity change: the subject's readable name and year at the time,
/// and the changed values (enums by name).
/// </summary>
public sealed record AuditDetails(
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("year")] int? Year,
    [property: JsonPropertyName("before")] IReadOnlyDictionary<string, object?>? Before,
    [property: JsonPropertyName("after")] IReadOnlyDictionary<string, object?>? After)
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}

/// <summary>
/// Seeding (demo data, the national load) is not anybody's change: inside <see cref="Skip"/> the interceptor returns
/// before looking at a single entry, so bulk loads cost nothing extra. Flows into the tasks the seeder starts.
/// </summary>
public static class AuditSeeding
{
    private static readonly AsyncLocal<bool> Skipping = new();

    public static bool IsSkipping => Skipping.Value;

    /// <summary>Until disposed (or the calling async method returns), entity changes are not audited.</summary>
    public static IDisposable Skip()
    {
        var previous = Skipping.Value;
        Skipping.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Skipping.Value = previous;
    }
}
