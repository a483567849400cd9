using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Domain.Organisations;

/// <summary>
/// A user's place in one LAO. Registry data of the second tenancy tier (<see cref="IOrganisationScoped"/>); the
/// tenancy module only lets a user into the tenants named by their memberships.
/// </summary>
public sealed class Membership : IOrganisationScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public Guid OrganisationId { get; init; }
    public TenantRole Role { get; set; }

    /// <summary>A deactivated member keeps their history but can no longer enter the LAO.</summary>
    public bool IsActive { get; set; } = true;

    Guid? IOrganisationScoped.ScopeOrganisationId => OrganisationId;
}

/// <summary>Roles inside one LAO, ordered: a higher role can do everything a lower one can.</summary>
public enum TenantRole
{
    /// <summary>ผู้ดูข้อมูล</summary>
    Viewer = 1,

    /// <summary>ผู้แก้ไขข้อมูล</summary>
    Editor = 2,

    /// <summary>ผู้ดูแลหน่วยงาน</summary>
    Admin = 3,
}
