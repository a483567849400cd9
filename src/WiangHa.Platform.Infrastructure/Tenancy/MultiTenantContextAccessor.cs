namespace WiangHa.Platform.Infrastructure.Tenancy;

/// <summary>Reads the current tenant. Works inside HTTP requests and in background jobs alike.</summary>
public interface IMultiTenantContextAccessor
{
    MultiTenantContext MultiTenantContext { get; }
}

/// <summary>Sets the current tenant; only the resolution middleware and <see cref="TenantScope"/> call it.</summary>
public interface IMultiTenantContextSetter
{
    MultiTenantContext MultiTenantContext { set; }
}

/// <summary>
/// Keeps the tenant in an <see cref="AsyncLocal{T}"/> (as Finbuckle does), so it flows with the async call chain of
/// one request or one job and never leaks into another.
/// </summary>
public sealed class AsyncLocalMultiTenantContextAccessor : IMultiTenantContextAccessor, IMultiTenantContextSetter
{
    private static readonly AsyncLocal<MultiTenantContext?> Current = new();

    public MultiTenantContext MultiTenantContext
    {
        get => Current.Value ?? MultiTenantContext.Empty;
        set => Current.Value = value;
    }
}
