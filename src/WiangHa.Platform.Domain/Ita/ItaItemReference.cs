using System.Text.RegularExpressions;

namespace WiangHa.Platform.Domain.Ita;

/// <summary>
/// A reference to an item of a year's ITA manual, written "{assessment year BE}/{code}", e.g. "2567/O35".
/// The versioned manual catalogue will own the full item list; until then the items the seed cites are known here.
/// </summary>
public static partial class ItaItemReference
{
    public static readonly IReadOnlyList<(string Reference, string TitleTh)> Known =
    [
        ("2566/O42", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
        ("2567/O35", "การรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"),
    ];

    public static bool IsWellFormed(string reference) => Pattern().IsMatch(reference);

    [GeneratedRegex(@"^25[0-9]{2}/O[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
