using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WiangHa.Platform.Domain.Common;

namespace WiangHa.Platform.Infrastructure.Data;

/// <summary>
/// Gives every modified <see cref="IVersioned"/> row a new version. The token is application-managed so the same
/// code works on SQLite, PostgreSQL and SQL Server (only SQL Server has <c>rowversion</c>). Every added or changed
/// <see cref="IChangeTracked"/> row whose writer did not set <c>UpdatedAt</c> gets the clock's time, so a sync's
/// <c>updatedSince</c> sees units created by an import or onboarding too.
/// </summary>
public sealed class VersionStampInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<IChangeTracked>())
        {
            var unset = entry.State == EntityState.Added
                ? entry.Entity.UpdatedAt == default
                : entry.State == EntityState.Modified && !entry.Property(e => e.UpdatedAt).IsModified;
            if (unset)
            {
                entry.Entity.UpdatedAt = clock.GetUtcNow();
            }
        }
    }
}
