using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.UnitTests.Identity;

/// <summary>The field rules the invitation forms checked by hand before, now in the use cases' validators.</summary>
public sealed class InvitationInputValidatorTests
{
    private static readonly InviteMemberInputValidator MemberValidator = new();
    private static readonly InvitePlatformUserInputValidator PlatformValidator = new();

    [Theory]
    [InlineData("clerk@wiangha.go.th", true)]
    [InlineData("  clerk@wiangha.go.th  ", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("not an email", false)]
    public void A_member_invitation_needs_a_valid_email(string? email, bool valid)
    {
        var result = MemberValidator.Validate(new InviteMemberInput(email, TenantRole.Editor).Normalised());
        result.IsValid.ShouldBe(valid);
        if (!valid)
        {
            result.Errors.Single().PropertyName.ShouldBe(nameof(InviteMemberInput.Email));
            result.Errors.Single().ErrorMessage.ShouldBe("กรุณากรอกอีเมลให้ถูกต้อง");
        }
    }

    [Fact]
    public void A_member_invitation_email_longer_than_256_characters_is_refused() =>
        MemberValidator.Validate(new InviteMemberInput(new string('a', 250) + "@x.test", TenantRole.Viewer).Normalised()).IsValid.ShouldBeFalse();

    [Fact]
    public void A_forged_member_role_falls_back_to_viewer() =>
        new InviteMemberInput("a@b.test", (TenantRole)99).Normalised().Role.ShouldBe(TenantRole.Viewer);

    [Fact]
    public void A_platform_invitation_needs_a_valid_email_and_a_platform_role()
    {
        PlatformValidator.Validate(new InvitePlatformUserInput("op@platform.test", PlatformRoles.Operator, []).Normalised()).IsValid.ShouldBeTrue();

        var result = PlatformValidator.Validate(new InvitePlatformUserInput("nobody", "Admin", null).Normalised());
        result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ShouldBe(
        [
            (nameof(InvitePlatformUserInput.Email), "กรุณากรอกอีเมลให้ถูกต้อง"),
            (nameof(InvitePlatformUserInput.Role), "บทบาทไม่ถูกต้อง"),
        ], ignoreOrder: true);
    }
}
