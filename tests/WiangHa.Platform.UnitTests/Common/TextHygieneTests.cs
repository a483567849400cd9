using System.Text.Json;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Common;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Infrastructure.Reports.Import;
using WiangHa.Platform.Web.Common;

namespace WiangHa.Platform.UnitTests.Common;

public sealed class TextHygieneTests
{
    /// <summary>Every class of character the boundary refuses (by name: xunit would mend a lone surrogate in theory data).</summary>
    public static TheoryData<string> Refused => [.. RefusedCharacters.Keys];

    private static readonly Dictionary<string, string> RefusedCharacters = new()
    {
        { "NUL", "\u0000" },
        { "SOH", "\u0001" },
        { "VT", "\u000B" },
        { "ESC", "\u001B" },
        { "DEL", "\u007F" },
        { "C1 NEL", "\u0085" },
        { "C1 CSI", "\u009B" },
        { "U+FFFE", "\uFFFE" },
        { "U+FFFF", "\uFFFF" },
        { "U+FDD0", "\uFDD0" },
        { "U+1FFFF", "\uD83F\uDFFF" },
        { "lone high surrogate", "\uD800" },
        { "lone low surrogate", "\uDC00" },
        { "RLO", "\u202E" },
        { "LRE", "\u202A" },
        { "LRI", "\u2066" },
        { "PDI", "\u2069" },
    };

    /// <summary>Text people really type: refused by nothing.</summary>
    public static TheoryData<string, string> Allowed => new()
    {
        { "Thai with marks", "กุ้งก้ามกราม ำ ๆ ฯ" },
        { "decomposed Thai", "\u0E01\u0E48\u0E38" },
        { "combining acute", "e\u0301" },
        { "emoji", "😀" },
        { "ZWJ family", "👩\u200D👩\u200D👧" },
        { "ZWSP", "\u200B" },
        { "LRM", "\u200E" },
        { "BOM", "\uFEFF" },
        { "replacement", "\uFFFD" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refused_characters_are_named_by_code_point_and_position(string name)
    {
        var character = RefusedCharacters[name];
        var text = $"กข{character}ค";
        var problem = TextHygiene.Problem(text, multiLine: true);
        problem.ShouldNotBeNull(name);
        problem.ShouldContain("มีอักขระควบคุมที่ใช้ไม่ได้");
        var codePoint = character.Length == 1 ? character[0] : char.ConvertToUtf32(character, 0);
        problem.ShouldContain($"U+{codePoint:X4}");
        problem.ShouldContain("ตำแหน่ง 3");

        var (stripped, removed) = TextHygiene.Strip(text, multiLine: true);
        stripped.ShouldBe("กขค");
        removed.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Real_text_is_allowed(string name, string text) =>
        TextHygiene.Problem($"ก{text}ข", multiLine: false).ShouldBeNull(name);

    [Fact]
    public void Tabs_and_line_breaks_belong_to_multi_line_fields_only()
    {
        foreach (var breakChar in new[] { "\t", "\n", "\r" })
        {
            TextHygiene.Problem($"ก{breakChar}ข", multiLine: true).ShouldBeNull();
            TextHygiene.Problem($"ก{breakChar}ข", multiLine: false).ShouldNotBeNull();
            TextHygiene.Strip($"ก{breakChar}ข", multiLine: false).ShouldBe(("ก ข", 0));
        }
    }

    [Fact]
    public void Thai_typed_in_another_order_becomes_one_text_in_NFC()
    {
        // Tone mark before the vowel below (as some keyboards send it) and after it: the same word.
        var toneFirst = "ก\u0E48\u0E38ง";
        var vowelFirst = "ก\u0E38\u0E48ง";
        toneFirst.ShouldNotBe(vowelFirst);
        TextHygiene.Normalise(toneFirst).ShouldBe(TextHygiene.Normalise(vowelFirst));
        TextHygiene.Normalise("e\u0301").ShouldBe("\u00E9");
        // Not well-formed: left alone (for the validator to refuse), never an exception.
        TextHygiene.Normalise("a\uD800").ShouldBe("a\uD800");
    }

    [Fact]
    public void Problems_are_keyed_by_field_as_the_validators_key_them()
    {
        var input = new MeasureInput
        {
            Title = "ชื่อ\nสองบรรทัด",
            Steps = ["ขั้นที่หนึ่ง", "ขั้นที่\u0001สอง"],
            Outcome = "ผล\u202E",
            EvidenceLinks = [new EvidenceLinkInput("https://a.example/\u0000", "ชื่อ\tลิงก์")],
        };

        TextHygiene.ProblemsIn(input).Select(p => p.Field)
            .ShouldBe(["Steps[1]", "Outcome", "EvidenceLinks[0].Url", "EvidenceLinks[0].Title"], ignoreOrder: true);
    }

    [Fact]
    public void The_wrapped_validator_adds_the_rule_to_the_use_cases_own_rules()
    {
        var validator = new TextHygieneValidator<MeasureInput>(new MeasureInputValidator());
        var input = new MeasureInput
        {
            FiscalYear = 2566,
            Title = "",
            Steps = ["ขั้น\uFFFEตอน"],
            PeriodFromYear = 2565, PeriodFromMonth = 10, PeriodToYear = 2566, PeriodToMonth = 9,
        };

        var errors = validator.Validate(input).ToDictionary();

        errors.Keys.ShouldBe(["Title", "Steps[0]"], ignoreOrder: true);
        errors["Steps[0]"].Single().ShouldContain("U+FFFE");
    }

    [Fact]
    public void The_api_reads_a_lone_surrogate_for_the_validator_to_name_and_writes_valid_json()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new TextInput.NfcStringConverter() } };

        var read = JsonSerializer.Deserialize<EvidenceLinkInput>("""{"url":"a\ud800b","title":"e\u0301\n\"q\"\\"}""", options)!;
        read.Url.ShouldBe("a\uD800b");
        read.Title.ShouldBe("\u00E9\n\"q\"\\");

        var written = JsonSerializer.Serialize(new EvidenceLinkInput("x\uDC00", "ก"), options);
        JsonDocument.Parse(written).RootElement.GetProperty("url").GetString().ShouldBe("x\uFFFD");
    }

    [Fact]
    public void A_catalogue_with_a_control_character_is_refused_by_place()
    {
        var catalogue = ShippedCatalogues.Read(2568);
        ItaCatalogueValidator.Validate(catalogue).ShouldBeEmpty();

        var broken = catalogue with { Title = catalogue.Title + "\u0007" };

        ItaCatalogueValidator.Validate(broken).ShouldHaveSingleItem().ShouldStartWith("Title: มีอักขระควบคุมที่ใช้ไม่ได้");
    }

    [Fact]
    public async Task A_display_name_with_a_control_character_is_refused_by_identity()
    {
        var validator = new Infrastructure.Identity.UserTextValidator();
        (await validator.ValidateAsync(null!, new Infrastructure.Identity.PlatformUser { DisplayName = "สมชาย ใจดี" })).Succeeded.ShouldBeTrue();
        var refused = await validator.ValidateAsync(null!, new Infrastructure.Identity.PlatformUser { DisplayName = "สมชาย\u202Eใจดี" });
        refused.Errors.ShouldHaveSingleItem().Description.ShouldStartWith("ชื่อ-นามสกุลมีอักขระควบคุมที่ใช้ไม่ได้");
    }

    [Theory]
    [InlineData("ปีงบประมาณ พ.ศ. 25٦٩", 2569)]
    [InlineData("ปีงบประมาณ พ.ศ. ２５６９", 2569)]
    [InlineData("ปีงบประมาณ พ.ศ. ๒๕๖๙", 2569)]
    public void A_year_in_any_scripts_digits_is_read_as_that_year(string line, int year)
    {
        var parsed = ReportTableInterpreter.Interpret(Report(line));
        parsed.DetectedFiscalYear.ShouldBe(year);
    }

    [Fact]
    public void A_cited_item_in_full_width_digits_is_read()
    {
        var parsed = ReportTableInterpreter.Interpret(Report("ตามคู่มือการประเมิน ITA ประจำปี พ.ศ. 25٦٧ ข้อ O２６"));
        parsed.ItaItems.ShouldBe(["2567/O26"]);
        ThaiNumerals.ToArabicDigits("25٦٩ ２６ ๑").ShouldBe("2569 26 1");
        ItaItemReference.IsWellFormed("2567/O٣٥").ShouldBeFalse();
    }

    [Fact]
    public void The_import_strips_control_characters_and_says_so_on_the_row()
    {
        var raw = Report("", ["1. ชื่อ\u0001มาตรการ\u202E", "1. ขั้น\uFFFEตอน", "สำนักปลัด", "ตุลาคม 2565 - กันยายน 2566", "", ""]);

        var row = ReportTableInterpreter.Interpret(raw).Rows.Single();

        row.Title.ShouldBe("ชื่อมาตรการ");
        row.Steps.ShouldBe(["ขั้นตอน"]);
        row.Blocking.ShouldBeFalse();
        row.Problems.ShouldContain(p => p.Contains("ตัดอักขระควบคุมที่มองไม่เห็นออก 3 ตัว", StringComparison.Ordinal) && p.Contains("U+0001", StringComparison.Ordinal));
    }

    private static RawReport Report(string otherText, string[]? cells = null)
    {
        cells ??= ["1. มาตรการ", "1. ขั้นตอน", "สำนักปลัด", "ตุลาคม 2565 - กันยายน 2566", "", ""];
        var header = Infrastructure.Reports.ReportBuilder.ResultsHeaders.Select(h => (IReadOnlyList<string>)[h]).ToList();
        return new RawReport(Domain.Reports.ImportFormat.ParagraphText,
            [new RawRow(1, header), new RawRow(2, cells.Select(c => (IReadOnlyList<string>)[c]).ToList())], otherText);
    }
}
