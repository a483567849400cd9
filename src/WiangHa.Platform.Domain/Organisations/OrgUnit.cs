using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Domain.Organisations;

/// <summary>ส่วนราชการ: a unit of the LAO (สำนักปลัด, กองคลัง, …) that can be responsible for measures.</summary>
public sealed class OrgUnit : ITenantOwned, IVersioned, IChangeTracked
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Retired units stay so old measures keep their responsible units; they are not offered for new ones.</summary>
    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>When the unit was last saved (for integrators' syncs).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
