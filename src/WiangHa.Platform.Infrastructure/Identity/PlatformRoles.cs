namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// Platform-wide roles (not tied to one LAO), kept as ASP.NET Core Identity roles so they travel as role claims.
/// </summary>
public static class PlatformRoles
{
    /// <summary>ผู้ดูแลระบบ: onboards and suspends LAOs, publishes ITA manuals, runs the service.</summary>
    public const string Operator = "PlatformOperator";

    /// <summary>เจ้าหน้าที่ระดับประเทศ: reads every LAO's aggregated results.</summary>
    public const string NationalSupervisor = "NationalSupervisor";

    /// <summary>เจ้าหน้าที่ สถ.จังหวัด: reads the LAOs of the provinces assigned to them.</summary>
    public const string ProvincialSupervisor = "ProvincialSupervisor";

    public static readonly IReadOnlyList<string> All = [Operator, NationalSupervisor, ProvincialSupervisor];
}
