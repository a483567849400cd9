using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Ita;

namespace WiangHa.Platform.UnitTests.Ita;

public sealed class ItaMappingChainTests
{
    private static ItaItemMapping Row(int from, string[] codes, int to, string? code, ItaMappingKind kind, bool confirmed = false) =>
        new() { FromYear = from, FromCodes = [.. codes], ToYear = to, ToCode = code, Kind = kind, Confirmed = confirmed };

    private static readonly ItaItemMapping[] Rows =
    [
        Row(2566, ["O1"], 2567, "O1", ItaMappingKind.Same, confirmed: true),
        Row(2566, ["O42"], 2569, "O25", ItaMappingKind.Renumbered),
        Row(2567, ["O1", "O3"], 2568, "O1", ItaMappingKind.Merged, confirmed: true),
        Row(2568, ["O1"], 2569, "O1", ItaMappingKind.Same, confirmed: true),
        Row(2568, ["O5"], 2569, "O5", ItaMappingKind.Split),
        Row(2568, ["O5"], 2569, "O6", ItaMappingKind.Split),
        Row(2568, ["O9"], 2569, null, ItaMappingKind.Dropped),
        Row(2568, [], 2569, "O7", ItaMappingKind.New),
    ];

    private static IEnumerable<string> Codes(int from, string code, int to) => ItaMappingChain.Translate(Rows, from, code, to).Select(t => t.Code);

    [Fact]
    public void A_row_that_skips_unknown_manuals_carries_to_its_year_then_codes_stay_after_the_last_mapping()
    {
        Codes(2566, "O42", 2569).ShouldBe(["O25"]);
        Codes(2566, "O42", 2571).ShouldBe(["O25"]); // no row leaves 2569 or 2570: the code is kept
        Codes(2566, "O42", 2568).ShouldBeEmpty(); // its 2568 code is not known
    }

    [Fact]
    public void Merged_split_dropped_and_unmapped_items_translate_as_their_kind_says()
    {
        Codes(2567, "O3", 2569).ShouldBe(["O1"]); // merged into O1, then same
        Codes(2568, "O5", 2569).ShouldBe(["O5", "O6"], ignoreOrder: true); // split
        Codes(2568, "O9", 2569).ShouldBeEmpty(); // dropped
        Codes(2568, "O8", 2569).ShouldBeEmpty(); // rows leave 2568 but none carries O8: its meaning changed
        Codes(2566, "O5", 2567).ShouldBeEmpty();
    }

    [Fact]
    public void A_translation_is_confirmed_only_when_every_step_was()
    {
        ItaMappingChain.Translate(Rows, 2566, "O1", 2569).Single().ShouldBe(new ItaTranslation("O1", true, ["2566 O1", "2567 O1", "2568 O1", "2569 O1"]), new TranslationComparer());
        ItaMappingChain.Translate(Rows, 2566, "O1", 2570).Single().Confirmed.ShouldBeFalse(); // 2569 → 2570 is assumed
        ItaMappingChain.Translate(Rows, 2566, "O42", 2569).Single().Confirmed.ShouldBeFalse();
    }

    [Fact]
    public void The_shipped_mappings_name_known_kinds_and_only_changed_meanings_are_left_unmapped()
    {
        var file = ShippedMappings.Read();
        file.Mappings.ShouldNotBeEmpty();
        file.Mappings.ShouldAllBe(m => Enum.IsDefined(m.Kind) && m.ToYear > m.FromYear && !string.IsNullOrWhiteSpace(m.Note));
        file.Mappings.Where(m => m.Kind == ItaMappingKind.Dropped).ShouldAllBe(m => m.To == null && m.From.Count == 1);
        file.Mappings.Where(m => m.Kind == ItaMappingKind.New).ShouldAllBe(m => m.To != null && m.From.Count == 0);
        file.Mappings.Where(m => m.Kind == ItaMappingKind.Merged).ShouldAllBe(m => m.From.Count >= 2);
        // Every shipped code exists in the shipped catalogues except the items those catalogues still lack.
        var rows = file.Mappings.Select(m => Row(m.FromYear, [.. m.From], m.ToYear, m.To, m.Kind, m.Confirmed)).ToList();
        ItaMappingChain.Translate(rows, 2566, "O42", 2569).Select(t => t.Code).ShouldBe(["O25"]);
        ItaMappingChain.Translate(rows, 2566, "O43", 2569).Select(t => t.Code).ShouldBe(["O26"]);
        ItaMappingChain.Translate(rows, 2568, "O23", 2569).ShouldBeEmpty(); // bribery-only risk → general risk: meaning changed
        ItaMappingChain.Translate(rows, 2568, "O21", 2569).Select(t => t.Code).ShouldBe(["O20"]);
        foreach (var row in file.Mappings.Where(m => m.ToYear == 2569 && m.To is not null))
        {
            int.Parse(row.To![1..], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 26); // §9.1: O1–O26
        }

        file.Drafts.ShouldContain(d => d.FromYear == 2569 && d.ToYear == 2570 && d.Note!.Contains("ยังไม่ประกาศโดย ป.ป.ช."));
    }

    [Theory]
    [InlineData("ข้อมูลปีงบประมาณ พ.ศ. 2568", "ข้อมูลปีงบประมาณ พ.ศ. 2569")]
    [InlineData("ประกาศตาม พ.ร.บ. การจัดซื้อจัดจ้าง พ.ศ. 2560", "ประกาศตาม พ.ร.บ. การจัดซื้อจัดจ้าง พ.ศ. 2560")]
    [InlineData("ปี 2569 และรหัส 125690", "ปี 2570 และรหัส 125690")]
    public void Drafting_moves_only_the_years_near_the_source_year(string text, string expected) =>
        DraftItaManualFromYearHandler.ShiftYears(text, 2569, 1).ShouldBe(expected);

    private sealed class TranslationComparer : IEqualityComparer<ItaTranslation>
    {
        public bool Equals(ItaTranslation? x, ItaTranslation? y) => x!.Code == y!.Code && x.Confirmed == y.Confirmed && x.Path.SequenceEqual(y.Path);

        public int GetHashCode(ItaTranslation obj) => obj.Code.GetHashCode(StringComparison.Ordinal);
    }
}
