using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Infrastructure.Tenancy;

/// <summary>
/// Write isolation. Query filters only guard reads; this stamps <see cref="ITenantOwned.TenantId"/> on added rows
/// and refuses any add, update or delete of a row that is not the current tenant's. Rows of the second tier
/// (<see cref="IOrganisationScoped"/>) are written outside tenants too, but inside one only for that tenant.
/// </summary>
public sealed class TenantSaveChangesInterceptor(IMultiTenantContextAccessor accessor) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enforce(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Enforce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Enforce(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var tenantId = accessor.MultiTenantContext.TenantInfo?.Id;
        EnforceOrganisationScope(context, tenantId);
        foreach (var entry in context.ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            var entityName = entry.Metadata.ClrType.Name;
            if (tenantId is null)
            {
                throw new TenantIsolationException($"{entityName} is tenant-owned but no tenant is in effect.");
            }

            var tenantIdProperty = entry.Property(e => e.TenantId);
            switch (entry.State)
            {
                case EntityState.Added when entry.Entity.TenantId == Guid.Empty:
                    entry.Entity.TenantId = tenantId.Value;
                    break;
                case EntityState.Added when entry.Entity.TenantId != tenantId:
                    throw new TenantIsolationException($"Refused to add {entityName} for another tenant.");
                case EntityState.Modified or EntityState.Deleted
                    when (Guid)tenantIdProperty.OriginalValue! != tenantId || entry.Entity.TenantId != tenantId:
                    throw new TenantIsolationException($"Refused to change {entityName} of another tenant.");
            }
        }
    }

    private static void EnforceOrganisationScope(DbContext context, Guid? tenantId)
    {
        if (tenantId is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<IOrganisationScoped>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.ScopeOrganisationId is { } organisationId && organisationId != tenantId)
            {
                throw new TenantIsolationException($"Refused to write {entry.Metadata.ClrType.Name} of another organisation inside tenant {tenantId}.");
            }
        }
    }
}
