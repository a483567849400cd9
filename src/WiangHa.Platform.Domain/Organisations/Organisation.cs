namespace WiangHa.Platform.Domain.Organisations;

/// <summary>
/// An LAO (องค์กรปกครองส่วนท้องถิ่น): the tenant. It is registry data, not tenant-owned: the tenancy module
/// resolves it before any tenant is known.
/// </summary>
public sealed class Organisation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>URL identifier, e.g. <c>wiangha</c> in <c>/t/wiangha/measures</c>.</summary>
    public required string Slug { get; init; }

    public required string NameTh { get; set; }
    public required string NameEn { get; set; }
    public OrganisationType Type { get; set; }
    public required string ProvinceCode { get; set; }
    public required string DistrictCode { get; set; }
    public OrganisationStatus Status { get; set; } = OrganisationStatus.Active;
    public DateTimeOffset CreatedAt { get; init; }
}

public enum OrganisationType
{
    /// <summary>องค์การบริหารส่วนตำบล (อบต.)</summary>
    SubdistrictAdministrativeOrganisation = 1,

    /// <summary>เทศบาลตำบล</summary>
    SubdistrictMunicipality = 2,

    /// <summary>เทศบาลเมือง</summary>
    TownMunicipality = 3,

    /// <summary>เทศบาลนคร</summary>
    CityMunicipality = 4,

    /// <summary>องค์การบริหารส่วนจังหวัด (อบจ.)</summary>
    ProvincialAdministrativeOrganisation = 5,
}

public enum OrganisationStatus
{
    Active = 1,

    /// <summary>Its users cannot work in it; its data is kept.</summary>
    Suspended = 2,
}

public static class OrganisationTypeNames
{
    public static string ThaiShort(this OrganisationType type) => type switch
    {
        OrganisationType.SubdistrictAdministrativeOrganisation => "อบต.",
        OrganisationType.SubdistrictMunicipality => "ทต.",
        OrganisationType.TownMunicipality => "ทม.",
        OrganisationType.CityMunicipality => "ทน.",
        OrganisationType.ProvincialAdministrativeOrganisation => "อบจ.",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Thai(this OrganisationType type) => type switch
    {
        OrganisationType.SubdistrictAdministrativeOrganisation => "องค์การบริหารส่วนตำบล",
        OrganisationType.SubdistrictMunicipality => "เทศบาลตำบล",
        OrganisationType.TownMunicipality => "เทศบาลเมือง",
        OrganisationType.CityMunicipality => "เทศบาลนคร",
        OrganisationType.ProvincialAdministrativeOrganisation => "องค์การบริหารส่วนจังหวัด",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
