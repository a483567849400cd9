using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Organisations;

namespace WiangHa.Platform.UnitTests.Organisations;

public sealed class OnboardOrganisationInputValidatorTests
{
    private static readonly OnboardOrganisationInputValidator Validator = new();

    private static OnboardOrganisationInput Valid() => new(
        "wiangha", "องค์การบริหารส่วนตำบลเวียงห้า", null, OrganisationType.SubdistrictAdministrativeOrganisation, "57", "5705", "admin@wiangha.go.th");

    [Fact]
    public void Valid_input_passes() => Validator.Validate(Valid().Normalised()).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("WiangHa", true)]
    [InlineData(" wiang-ha ", true)]
    [InlineData("ab", false)]
    [InlineData("-wiangha", false)]
    [InlineData("wiang_ha", false)]
    [InlineData(null, false)]
    public void The_slug_is_lower_case_letters_digits_and_dashes(string? slug, bool valid) =>
        Validator.Validate((Valid() with { Slug = slug }).Normalised()).IsValid.ShouldBe(valid);

    [Fact]
    public void Every_field_rule_answers_in_thai_under_its_field()
    {
        var input = new OnboardOrganisationInput("X!", "   ", null, (OrganisationType)99, "57", "5101", "no-at-sign");
        var errors = Validator.Validate(input.Normalised()).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        errors.ShouldBe(new Dictionary<string, string>
        {
            [nameof(OnboardOrganisationInput.Slug)] = "ชื่อย่อในลิงก์ใช้ได้เฉพาะ a-z 0-9 และ - ยาว 3–63 ตัว เช่น wiangha",
            [nameof(OnboardOrganisationInput.NameTh)] = "กรุณากรอกชื่อหน่วยงานภาษาไทย (ไม่เกิน 200 ตัวอักษร)",
            [nameof(OnboardOrganisationInput.Type)] = "กรุณาเลือกประเภทหน่วยงาน",
            [nameof(OnboardOrganisationInput.FirstAdminEmail)] = "กรุณากรอกอีเมลของผู้ดูแลหน่วยงานคนแรก",
        }, ignoreOrder: true);
    }

    [Fact]
    public void A_thai_name_longer_than_200_characters_is_refused() =>
        Validator.Validate((Valid() with { NameTh = new string('ก', 201) }).Normalised()).IsValid.ShouldBeFalse();
}
