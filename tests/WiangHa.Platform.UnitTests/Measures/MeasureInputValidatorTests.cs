using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.Web.Measures;

namespace WiangHa.Platform.UnitTests.Measures;

public sealed class MeasureInputValidatorTests
{
    private static readonly MeasureInputValidator Validator = new();

    private static MeasureInput Valid() => new()
    {
        FiscalYear = 2566,
        Title = "การประชาสัมพันธ์เผยแพร่ข้อมูลงบประมาณ",
        Steps = ["ประชาสัมพันธ์"],
        PeriodFromYear = 2565,
        PeriodFromMonth = 10,
        PeriodToYear = 2566,
        PeriodToMonth = 3,
        ResultPoints = [],
        ItaItems = ["2567/O35"],
        EvidenceLinks = [new EvidenceLinkInput("https://wiangha.go.th/", "เว็บไซต์")],
    };

    [Fact]
    public void Valid_measure_passes() => Validator.Validate(Valid().Normalised()).IsValid.ShouldBeTrue();

    [Fact]
    public void Same_month_start_and_end_is_a_valid_period() =>
        Validator.Validate((Valid() with { PeriodToYear = 2565, PeriodToMonth = 10 }).Normalised()).IsValid.ShouldBeTrue();

    [Fact]
    public void End_one_month_before_start_across_the_year_boundary_is_refused()
    {
        var result = Validator.Validate((Valid() with { PeriodFromYear = 2566, PeriodFromMonth = 1, PeriodToYear = 2565, PeriodToMonth = 12 }).Normalised());
        result.Errors.Single().PropertyName.ShouldBe(nameof(MeasureInput.PeriodToMonth));
    }

    [Theory]
    [InlineData("http://wiangha.go.th", true)]
    [InlineData("https://www.facebook.com/wiangha", true)]
    [InlineData("HTTPS://WIANGHA.GO.TH/ITA", true)]
    [InlineData("ftp://wiangha.go.th", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("wiangha.go.th", false)]
    [InlineData("https://", false)]
    [InlineData("file:///etc/passwd", false)]
    public void Only_http_and_https_urls_are_evidence(string url, bool valid) =>
        MeasureInputValidator.IsHttpUrl(url).ShouldBe(valid);

    [Fact]
    public void Normalising_trims_text_and_drops_blank_lines_and_blank_links()
    {
        var input = (Valid() with
        {
            Title = "  ชื่อ  ",
            Steps = ["  ก  ", "", "   "],
            Outcome = "   ",
            EvidenceLinks = [new EvidenceLinkInput(" ", " ")],
        }).Normalised();

        input.Title.ShouldBe("ชื่อ");
        input.Steps.ShouldBe(["ก"]);
        input.Outcome.ShouldBeNull();
        input.EvidenceLinks.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("๑. ประชาสัมพันธ์\n๒. ชี้แจง", new[] { "ประชาสัมพันธ์", "ชี้แจง" })]
    [InlineData("1) ข้อหนึ่ง\r\n\r\n 2. ข้อสอง ", new[] { "ข้อหนึ่ง", "ข้อสอง" })]
    [InlineData("ปี 2566 มีการเผยแพร่", new[] { "ปี 2566 มีการเผยแพร่" })]
    public void Form_paragraphs_drop_typed_numbers_and_blank_lines(string text, string[] expected) =>
        MeasureForm.Paragraphs(text).ShouldBe(expected);

    [Theory]
    [InlineData("Steps[3]", "StepsText")]
    [InlineData("ResultPoints", "ResultPointsText")]
    [InlineData("EvidenceLinks[0].Url", "EvidenceLinks[0].Url")]
    [InlineData("Title", "Title")]
    public void Use_case_errors_land_on_the_matching_form_field(string inputField, string formField) =>
        MeasureForm.FieldFor(inputField).ShouldBe(formField);

    [Fact]
    public void Form_for_a_new_measure_covers_the_whole_fiscal_year()
    {
        var form = MeasureForm.ForNew(2568);
        (form.PeriodFromYear, form.PeriodFromMonth, form.PeriodToYear, form.PeriodToMonth).ShouldBe((2567, 10, 2568, 9));
        form.SubmissionKey.ShouldNotBe(Guid.Empty);
        form.EvidenceLinks.Count.ShouldBe(MeasureForm.SpareEvidenceRows);
        form.Status.ShouldBe(MeasureStatus.Planned);
    }
}
