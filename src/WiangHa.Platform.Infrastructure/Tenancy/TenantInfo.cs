using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Infrastructure.Tenancy;

/// <summary>What the platform needs to know of the current tenant (Finbuckle's <c>ITenantInfo</c> shape).</summary>
public sealed record TenantInfo(Guid Id, string Identifier, string Name, OrganisationStatus Status, string ProvinceCode)
{
    public static TenantInfo From(Organisation organisation) =>
        new(organisation.Id, organisation.Slug, organisation.NameTh, organisation.Status, organisation.ProvinceCode);
}

/// <summary>The tenant in effect for the current unit of work (a request or a job).</summary>
public sealed class MultiTenantContext
{
    public static readonly MultiTenantContext Empty = new(null);

    public MultiTenantContext(TenantInfo? tenantInfo) => TenantInfo = tenantInfo;

    public TenantInfo? TenantInfo { get; }

    public bool IsResolved => TenantInfo is not null;
}
