using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Domain.Tenancy;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Audit;

/// <summary>
/// Writes an <see cref="AuditEvent"/> with before/after values for every change to audited entities (measures, org
/// units, evidence, memberships), in the same transaction as the change, and keeps the trail append-only.
/// </summary>
public sealed class AuditInterceptor(IAuditActorAccessor actors, IMultiTenantContextAccessor tenants, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Audited = [typeof(Measure), typeof(OrgUnit), typeof(EvidenceLink), typeof(Membership)];
    private static readonly HashSet<string> Ignored = ["Version", "UpdatedAt", "CreatedAt", "SubmissionKey"];

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
        if (context is null)
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

            if (!Audited.Contains(entry.Metadata.ClrType) || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var details = Describe(entry);
            if (details is null)
            {
                continue;
            }

            var actor = actors.Current;
            events.Add(new AuditEvent
            {
                OccurredAt = clock.GetUtcNow(),
                Action = $"{Kebab(entry.Metadata.ClrType.Name)}.{entry.State.ToString().ToLowerInvariant()}",
                TenantId = entry.Entity switch
                {
                    ITenantOwned owned => owned.TenantId == Guid.Empty ? tenants.MultiTenantContext.TenantInfo?.Id : owned.TenantId,
                    Membership membership => membership.OrganisationId,
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

    private static string? Describe(EntityEntry entry)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Ignored.Contains(name) || name == "TenantId")
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

        return JsonSerializer.Serialize(new { before = before.Count > 0 ? before : null, after = after.Count > 0 ? after : null }, JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
