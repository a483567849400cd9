namespace WiangHa.Platform.Domain.Tenancy;

/// <summary>
/// A row that belongs to exactly one LAO (tenant). The data layer filters reads by the current tenant and
/// stamps/checks <see cref="TenantId"/> on every write; entities never set it themselves.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
