namespace WiangHa.Platform.Infrastructure.Tenancy;

/// <summary>
/// Runs work as one tenant outside HTTP (jobs, seeding, imports): <c>using (tenantScope.Enter(tenant)) { … }</c>.
/// The previous tenant comes back on dispose, so scopes nest.
/// </summary>
/// <remarks>
/// <see cref="Enter"/> is deliberately synchronous: an <see cref="AsyncLocal{T}"/> set inside an async method is
/// undone when that method returns, so the caller would never see the tenant.
/// </remarks>
public sealed class TenantScope(IMultiTenantContextAccessor accessor, IMultiTenantContextSetter setter)
{
    public IDisposable Enter(TenantInfo tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var previous = accessor.MultiTenantContext;
        setter.MultiTenantContext = new MultiTenantContext(tenant);
        return new Restore(setter, previous);
    }

    private sealed class Restore(IMultiTenantContextSetter setter, MultiTenantContext previous) : IDisposable
    {
        public void Dispose() => setter.MultiTenantContext = previous;
    }
}
