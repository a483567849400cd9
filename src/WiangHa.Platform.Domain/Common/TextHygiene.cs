using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace WiangHa.Platform.Domain.Common;

/// <summary>Marks a text property whose value may hold line breaks and tabs (a paragraph, not a name or a link).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineTextAttribute : Attribute;

/// <summary>
/// Which characters text typed into the platform may hold (issue 11). Control characters (C0 other than the tab and
/// line breaks of a multi-line field, DEL, C1), non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of
/// every plane), lone surrogates and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, which
/// can make text read differently from what it is) are refused at the input; the import strips them and says so.
/// Everything else (Thai with its marks, emoji, zero-width joiners) is text. Text is kept in NFC, so the same words
/// typed two ways are the same words.
/// </summary>
public static class TextHygiene
{
    private const int MaxDepth = 8;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The first refused character of <paramref name="text"/>: its index and code point (a lone surrogate's own).</summary>
    public static (int Index, int CodePoint)? FirstRefused(string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (IsNonCharacter(codePoint))
                {
                    return (i, codePoint);
                }

                i++;
                continue;
            }

            if (IsRefused(c, multiLine))
            {
                return (i, c);
            }
        }

        return null;
    }

    /// <summary>The Thai message for a field holding a refused character, or null when the text is fine.</summary>
    public static string? Problem(string? text, bool multiLine) =>
        FirstRefused(text, multiLine) is { } found ? Message(found.Index, found.CodePoint) : null;

    public static string Message(int index, int codePoint) => string.Create(CultureInfo.InvariantCulture,
        $"มีอักขระควบคุมที่ใช้ไม่ได้ (U+{codePoint:X4} ที่ตำแหน่ง {index + 1}) ซึ่งมองไม่เห็นและทำให้เอกสารเสียได้ กรุณาลบออกแล้วบันทึกอีกครั้ง");

    /// <summary>
    /// The text without its refused characters (single-line: tabs and line breaks become spaces), in NFC, and how many
    /// characters were dropped; for the import, where nobody can easily find an invisible character in a Word file.
    /// </summary>
    public static (string Text, int Removed) Strip(string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ("", 0);
        }

        var clean = new StringBuilder(text.Length);
        var removed = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNonCharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    removed++;
                }
                else
                {
                    clean.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (!multiLine && c is '\t' or '\n' or '\r')
            {
                clean.Append(' ');
            }
            else if (IsRefused(c, multiLine))
            {
                removed++;
            }
            else
            {
                clean.Append(c);
            }
        }

        return (Normalise(clean.ToString()), removed);
    }

    /// <summary>
    /// The text in NFC. Text with a refused character (a lone surrogate, U+FFFE, which normalisation itself refuses) is
    /// left as it is, to be refused with its message.
    /// </summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (FirstRefused(text, multiLine: true) is not null)
        {
            return text;
        }

        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Every text of an input (its string properties, lists of strings and nested records of the platform, at any
    /// depth) that holds a refused character, keyed as FluentValidation keys fields: <c>Title</c>, <c>Steps[2]</c>,
    /// <c>EvidenceLinks[0].Url</c>. A property marked <see cref="MultiLineTextAttribute"/> (or every property, with
    /// <paramref name="multiLineEverywhere"/>) may hold tabs and line breaks.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> ProblemsIn(object? input, bool multiLineEverywhere = false)
    {
        var problems = new List<(string, string)>();
        Visit(input, "", multiLineEverywhere, multiLineEverywhere, problems, 0);
        return problems;
    }

    private static void Visit(object? value, string path, bool multiLine, bool everywhere, List<(string, string)> problems, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (Problem(text, multiLine) is { } message)
                {
                    problems.Add((path, message));
                }

                return;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    Visit(item, $"{path}[{index++}]", multiLine, everywhere, problems, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || type.IsValueType || type.Namespace?.StartsWith("WiangHa.", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            Visit(property.GetValue(value), name, everywhere || property.IsDefined(typeof(MultiLineTextAttribute)), everywhere, problems, depth + 1);
        }
    }

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            // What was set (init or set), never a computed property, which may only make sense for valid input.
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic)
            .ToArray();

    private static bool IsRefused(char c, bool multiLine) => c switch
    {
        '\t' or '\n' or '\r' => !multiLine,
        < '\u0020' => true,
        >= '\u007F' and <= '\u009F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ when char.IsSurrogate(c) => true,
        _ => IsNonCharacter(c),
    };

    /// <summary>U+FDD0–U+FDEF and U+xxFFFE/U+xxFFFF of every plane: never characters, refused by XML.</summary>
    private static bool IsNonCharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
