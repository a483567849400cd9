using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>The roles as people read them, in Thai and English: the pages and the invitation mails use the same words.</summary>
public static class RoleNames
{
    public static string Thai(TenantRole role) => role switch
    {
        TenantRole.Admin => "ผู้ดูแลหน่วยงาน",
        TenantRole.Editor => "ผู้แก้ไขข้อมูล",
        _ => "ผู้ดูข้อมูล",
    };

    public static string English(TenantRole role) => role switch
    {
        TenantRole.Admin => "Tenant admin",
        TenantRole.Editor => "Editor",
        _ => "Viewer",
    };

    /// <summary>A role of <see cref="PlatformRoles"/> in Thai.</summary>
    public static string Thai(string platformRole) => platformRole switch
    {
        PlatformRoles.ProvincialSupervisor => "ผู้กำกับดูแลระดับจังหวัด",
        PlatformRoles.NationalSupervisor => "ผู้กำกับดูแลระดับประเทศ",
        _ => "ผู้ดูแลระบบ",
    };

    public static string English(string platformRole) => platformRole switch
    {
        PlatformRoles.ProvincialSupervisor => "Provincial supervisor",
        PlatformRoles.NationalSupervisor => "National supervisor",
        _ => "Platform operator",
    };
}
