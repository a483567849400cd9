using Microsoft.AspNetCore.Identity;
using WiangHa.Platform.Domain.Common;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// A person's name as other people see it (members list, audit trail, emails) holds no control characters, however
/// the account is made or renamed: Identity runs this on every create and update.
/// </summary>
public sealed class UserTextValidator : IUserValidator<PlatformUser>
{
    public const string Code = "DisplayNameControlCharacters";

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(TextHygiene.Problem(user.DisplayName, multiLine: false) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = $"ชื่อ-นามสกุล{problem}" })
            : IdentityResult.Success);
    }
}
