namespace WiangHa.Platform.Infrastructure.Dashboards;

/// <summary>
/// What a supervisor may see: every province (national staff, operators) or the provinces assigned to them. Every
/// dashboard query takes one; the Web layer builds it from the signed-in user's roles and province claims.
/// </summary>
public sealed record SupervisorScope(bool IsNational, IReadOnlySet<string> Provinces)
{
    public static readonly SupervisorScope Nobody = new(false, new HashSet<string>());
    public static readonly SupervisorScope National = new(true, new HashSet<string>());

    public static SupervisorScope ForProvinces(IEnumerable<string> provinces) => new(false, provinces.ToHashSet(StringComparer.Ordinal));

    public bool Allows(string provinceCode) => IsNational || Provinces.Contains(provinceCode);

    public bool IsEmpty => !IsNational && Provinces.Count == 0;
}
