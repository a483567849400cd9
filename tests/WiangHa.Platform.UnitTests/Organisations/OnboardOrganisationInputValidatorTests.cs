using WiangHa.Platform.Infrastructure.Organisations;

namespace WiangHa.Platform.UnitTests.Organisations;

public sealed class OnboardOrganisationInputValidatorTests
{
    private static readonly OnboardOrganisationInputValidator Validator = new();

    private static OnboardOrganisationInput Valid() => new("6570510", "wiangha", "องค์การบริหารส่วนตำบลเวียงห้า", null, "admin@wiangha.go.th");

    [Fact]
    public void Valid_input_passes() => Validator.Validate(Valid().Normalised()).IsValid.ShouldBeTrue();

    [Fact]
    public void Without_a_thai_name_the_registry_name_is_used_so_it_passes() =>
        Validator.Validate((Valid() with { NameTh = "  " }).Normalised()).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("WiangHa", true)]
    [InlineData(" wiang-ha ", true)]
    [InlineData("ab", false)]
    [InlineData("-wiangha", false)]
    [InlineData("wiang_ha", false)]
    [InlineData(null, false)]
    public void The_slug_is_lower_case_letters_digits_and_dashes(string? slug, bool valid) =>
        Validator.Validate((Valid() with { Slug = slug }).Normalised()).IsValid.ShouldBe(valid);

    [Theory]
    [InlineData(" 6570510 ", true)]
    [InlineData("657051", false)]
    [InlineData("65705100", false)]
    [InlineData("657O510", false)]
    [InlineData(null, false)]
    public void The_dla_code_is_seven_digits(string? code, bool valid) =>
        Validator.Validate((Valid() with { DlaCode = code }).Normalised()).IsValid.ShouldBe(valid);

    [Theory]
    [InlineData("admin@wiangha.go.th", true)]
    [InlineData(" admin@wiangha.go.th ", true)]
    [InlineData("a@b@c", false)]
    [InlineData("ผู้ดูแล <admin@wiangha.go.th>", false)]
    [InlineData("admin@", false)]
    [InlineData("admin wiangha@go.th", false)]
    public void The_first_admin_is_one_plain_address_the_invitation_can_be_sent_to(string email, bool valid) =>
        Validator.Validate((Valid() with { FirstAdminEmail = email }).Normalised()).IsValid.ShouldBe(valid);

    [Fact]
    public void Every_field_rule_answers_in_thai_under_its_field()
    {
        var input = new OnboardOrganisationInput("", "X!", new string('ก', 201), null, "no-at-sign");
        var errors = Validator.Validate(input.Normalised()).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        errors.ShouldBe(new Dictionary<string, string>
        {
            [nameof(OnboardOrganisationInput.DlaCode)] = "กรุณาเลือกหน่วยงานจากทะเบียน อปท. (รหัส อปท. เป็นตัวเลข 7 หลัก เช่น 6570510)",
            [nameof(OnboardOrganisationInput.Slug)] = "ชื่อย่อในลิงก์ใช้ได้เฉพาะ a-z 0-9 และ - ยาว 3–63 ตัว เช่น wiangha",
            [nameof(OnboardOrganisationInput.NameTh)] = "ชื่อหน่วยงานภาษาไทยยาวได้ไม่เกิน 200 ตัวอักษร",
            [nameof(OnboardOrganisationInput.FirstAdminEmail)] = "กรุณากรอกอีเมลของผู้ดูแลหน่วยงานคนแรก",
        }, ignoreOrder: true);
    }
}
