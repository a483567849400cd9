namespace WiangHa.Platform.Domain.Geography;

/// <summary>จังหวัด. Reference data with the official DOPA geocode (2 digits), e.g. 57 = เชียงราย.</summary>
public sealed class Province
{
    public required string Code { get; init; }
    public required string NameTh { get; set; }
    public required string NameEn { get; set; }
    public List<District> Districts { get; init; } = [];
}

/// <summary>อำเภอ/เขต. Official geocode (4 digits), e.g. 5707 = พาน.</summary>
public sealed class District
{
    public required string Code { get; init; }
    public required string ProvinceCode { get; init; }
    public required string NameTh { get; set; }
    public required string NameEn { get; set; }
}
