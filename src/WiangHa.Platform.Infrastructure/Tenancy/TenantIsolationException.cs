namespace WiangHa.Platform.Infrastructure.Tenancy;

/// <summary>A write tried to touch a row of another tenant, or a tenant-owned row with no tenant in effect.</summary>
public sealed class TenantIsolationException : InvalidOperationException
{
    public TenantIsolationException()
    {
    }

    public TenantIsolationException(string message)
        : base(message)
    {
    }

    public TenantIsolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
