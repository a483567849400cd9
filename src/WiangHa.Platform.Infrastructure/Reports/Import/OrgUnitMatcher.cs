using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Infrastructure.Reports.Import;

/// <summary>
/// Matches the responsible units written in a report ("สำนักปลัด กองคลัง กองช่าง กองการศึกษาฯ") to the LAO's org
/// units, tolerating ฯ, trailing dots and spaces inside a name ("กอง การศึกษา"): the longest run of words that names
/// a unit wins.
/// </summary>
public static class OrgUnitMatcher
{
    public sealed record Match(IReadOnlyList<OrgUnit> Units, IReadOnlyList<string> Unknown);

    public static Match Find(IReadOnlyList<string> words, IReadOnlyList<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(words);
        var byKey = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        foreach (var unit in units.OrderByDescending(u => u.IsActive))
        {
            byKey.TryAdd(Key(unit.Name), unit);
        }

        var found = new List<OrgUnit>();
        var unknown = new List<string>();
        for (var i = 0; i < words.Count;)
        {
            var matched = 0;
            for (var length = words.Count - i; length >= 1 && matched == 0; length--)
            {
                if (byKey.TryGetValue(Key(string.Concat(words.Skip(i).Take(length))), out var unit))
                {
                    if (!found.Contains(unit))
                    {
                        found.Add(unit);
                    }

                    matched = length;
                }
            }

            if (matched == 0)
            {
                if (!unknown.Contains(words[i]))
                {
                    unknown.Add(words[i]);
                }

                matched = 1;
            }

            i += matched;
        }

        return new Match(found, unknown);
    }

    /// <summary>The name without spaces, ฯ (ไปยาลน้อย) or trailing dots: "กองการศึกษาฯ" = "กองการศึกษา" = "กอง การศึกษา".</summary>
    public static string Key(string name) =>
        new string(name.Where(c => !char.IsWhiteSpace(c) && c != 'ฯ').ToArray()).TrimEnd('.');
}
