using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Infrastructure.Reports.Import;

/// <summary>
/// Matches the responsible units written in a report ("สำนักปลัด กองคลัง กองช่าง กองการศึกษาฯ") to the LAO's org
/// units, tolerating ฯ, trailing dots and spaces inside a name ("กอง การศึกษา"): the longest run of words that names
/// a unit wins — except that words which are each a unit stay separate units, and one word that is several known names
/// run together is split into them: a name joined by a lost line break never becomes a unit of its own.
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
        void Add(OrgUnit unit)
        {
            if (!found.Contains(unit))
            {
                found.Add(unit);
            }
        }

        for (var i = 0; i < words.Count;)
        {
            var matched = 0;
            for (var length = words.Count - i; length >= 1 && matched == 0; length--)
            {
                var run = words.Skip(i).Take(length).ToList();
                // Several words that are each a unit are those units, even if a unit named by all of them together
                // exists: such a joined unit is a reading accident ("สำนักปลัดกองคลัง…" from a Word cell's line
                // breaks) and must not swallow the real ones.
                if (length > 1 && run.All(w => byKey.ContainsKey(Key(w))))
                {
                    continue;
                }

                if (byKey.TryGetValue(Key(string.Concat(run)), out var unit))
                {
                    Add(unit);
                    matched = length;
                }
            }

            if (matched == 0)
            {
                // One word made of several known names run together is those units, never a new one.
                if (Segment(Key(words[i]), byKey) is { Count: > 1 } parts)
                {
                    parts.ForEach(Add);
                }
                else if (!unknown.Contains(words[i]))
                {
                    unknown.Add(words[i]);
                }

                matched = 1;
            }

            i += matched;
        }

        return new Match(found, unknown);
    }

    /// <summary>
    /// The known units whose names, run together, make <paramref name="key"/> exactly (fewest parts first); null when
    /// there is no such split.
    /// </summary>
    private static List<OrgUnit>? Segment(string key, Dictionary<string, OrgUnit> byKey)
    {
        // best[j]: the shortest split of key[..j] into known names.
        var best = new List<OrgUnit>?[key.Length + 1];
        best[0] = [];
        for (var end = 1; end <= key.Length; end++)
        {
            for (var start = 0; start < end; start++)
            {
                if (best[start] is { } head && byKey.TryGetValue(key[start..end], out var unit) && (best[end] is null || best[end]!.Count > head.Count + 1))
                {
                    best[end] = [.. head, unit];
                }
            }
        }

        return best[key.Length];
    }

    /// <summary>The name without spaces, ฯ (ไปยาลน้อย) or trailing dots: "กองการศึกษาฯ" = "กองการศึกษา" = "กอง การศึกษา".</summary>
    public static string Key(string name) =>
        new string(name.Where(c => !char.IsWhiteSpace(c) && c != 'ฯ').ToArray()).TrimEnd('.');
}
