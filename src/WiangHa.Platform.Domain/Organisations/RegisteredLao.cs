namespace WiangHa.Platform.Domain.Organisations;

/// <summary>
/// One entry of the DLA's national registry of LAOs (ชื่อและที่ตั้งองค์กรปกครองส่วนท้องถิ่น): reference data, as the
/// provinces and districts are. Every LAO of the country is here, onboarded or not, so a province's dashboard counts
/// those not yet on the platform; operators onboard an LAO by picking its entry (<see cref="Organisation.DlaCode"/>).
/// </summary>
public sealed class RegisteredLao
{
    /// <summary>The DLA's 7-digit code. Read the type from <see cref="Type"/>, never from the code.</summary>
    public required string DlaCode { get; init; }

    /// <summary>The name without its type, as the DLA spells it ("เวียงห้าว").</summary>
    public required string NameTh { get; set; }

    public OrganisationType Type { get; set; }
    public required string ProvinceCode { get; set; }
    public required string DistrictCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>"อบต.เวียงห้าว", "ทน.เชียงราย", "เมืองพัทยา".</summary>
    public string ShortName => Type.ShortName(NameTh);

    /// <summary>"องค์การบริหารส่วนตำบลเวียงห้าว".</summary>
    public string FullName => Type.Thai() + NameTh;
}
