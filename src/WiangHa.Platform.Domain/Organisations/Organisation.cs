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

    /// <summary>The DLA's 7-digit code (รหัส อปท.) of the registry entry this LAO was onboarded from, e.g. 6570510.</summary>
    public string? DlaCode { get; set; }

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

    /// <summary>เมืองพัทยา: the one special local administration under the DLA.</summary>
    SpecialAdministrativeArea = 6,
}

public enum OrganisationStatus
{
    Active = 1,

    /// <summary>Its users cannot work in it; its data is kept.</summary>
    Suspended = 2,
}

public static class OrganisationTypeNames
{
    /// <summary>Every type, in the order dashboards list them (largest to smallest).</summary>
    public static readonly IReadOnlyList<OrganisationType> All =
    [
        OrganisationType.ProvincialAdministrativeOrganisation, OrganisationType.SpecialAdministrativeArea, OrganisationType.CityMunicipality,
        OrganisationType.TownMunicipality, OrganisationType.SubdistrictMunicipality, OrganisationType.SubdistrictAdministrativeOrganisation,
    ];

    /// <summary>The type as a column of a table shows it: อบต., ทต., ทม., ทน., อบจ., เมืองพัทยา.</summary>
    public static string Label(this OrganisationType type) =>
        type == OrganisationType.SpecialAdministrativeArea ? "เมืองพัทยา" : type.ThaiShort();

    /// <summary>The name as the registry gives it (without the type) with the short type in front: "อบต.เวียงห้าว".</summary>
    public static string ShortName(this OrganisationType type, string bareName) => type.ThaiShort() + bareName;

    public static string ThaiShort(this OrganisationType type) => type switch
    {
        OrganisationType.SubdistrictAdministrativeOrganisation => "อบต.",
        OrganisationType.SubdistrictMunicipality => "ทต.",
        OrganisationType.TownMunicipality => "ทม.",
        OrganisationType.CityMunicipality => "ทน.",
        OrganisationType.ProvincialAdministrativeOrganisation => "อบจ.",
        OrganisationType.SpecialAdministrativeArea => "",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Thai(this OrganisationType type) => type switch
    {
        OrganisationType.SubdistrictAdministrativeOrganisation => "องค์การบริหารส่วนตำบล",
        OrganisationType.SubdistrictMunicipality => "เทศบาลตำบล",
        OrganisationType.TownMunicipality => "เทศบาลเมือง",
        OrganisationType.CityMunicipality => "เทศบาลนคร",
        OrganisationType.ProvincialAdministrativeOrganisation => "องค์การบริหารส่วนจังหวัด",
        OrganisationType.SpecialAdministrativeArea => "",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
