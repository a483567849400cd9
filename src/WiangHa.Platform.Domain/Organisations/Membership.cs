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

    /// <summary>How this member gets the LAO's deadline alerts, as the LAO's admin chose; null: by role (<see cref="AlertReceptionRule"/>).</summary>
    public AlertReception? AlertReception { get; set; }

    public AlertReception EffectiveAlertReception => AlertReceptionRule.For(Role, AlertReception);

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

/// <summary>Which of an LAO's deadline alerts reach a member. In-app is the floor for anyone who gets alerts at all.</summary>
public enum AlertReception
{
    /// <summary>ไม่รับการแจ้งเตือน</summary>
    None = 0,

    /// <summary>ในระบบเท่านั้น</summary>
    InApp = 1,

    /// <summary>ในระบบและอีเมล</summary>
    InAppAndEmail = 2,
}

public static class AlertReceptionRule
{
    /// <summary>Until the admin chooses: admins and editors (who can fix what fails) get in-app and email; viewers nothing.</summary>
    public static AlertReception For(TenantRole role, AlertReception? chosen) =>
        chosen ?? (role >= TenantRole.Editor ? AlertReception.InAppAndEmail : AlertReception.None);
}
