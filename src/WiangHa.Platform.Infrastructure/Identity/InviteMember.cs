using FluentValidation;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>Whom an LAO's admin invites, and with which role.</summary>
public sealed record InviteMemberInput(string? Email, TenantRole Role)
{
    /// <summary>Trims the email; a forged role falls back to the least one rather than refusing the invitation.</summary>
    public InviteMemberInput Normalised() => this with
    {
        Email = Email?.Trim(),
        Role = Enum.IsDefined(Role) ? Role : TenantRole.Viewer,
    };
}

/// <summary>Field rules of an invitation into an LAO. Runs on normalised input.</summary>
public sealed class InviteMemberInputValidator : AbstractValidator<InviteMemberInput>
{
    public const int EmailMaxLength = 256;

    public InviteMemberInputValidator() =>
        RuleFor(i => i.Email)
            .Must(e => InvitationSender.IsEmail(e) && e!.Length <= EmailMaxLength)
            .WithMessage(InvitationSender.InvalidEmailMessage);
}

/// <summary>The current LAO's admin invites someone by email; the link lets them join it once, within a week.</summary>
public sealed class InviteMemberHandler(
    PlatformDbContext db, IValidator<InviteMemberInput> validator, IMultiTenantContextAccessor tenants,
    MailQueue mail, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(InviteMemberInput input, Guid? invitedBy, string baseUrl, CancellationToken cancellationToken = default)
    {
        var tenantId = tenants.CurrentTenantId();
        input = input.Normalised();
        if (await validator.ValidateAsync(input, cancellationToken) is { IsValid: false } validation)
        {
            return new CommandResult.Invalid(validation.ToDictionary().AsReadOnly());
        }

        var invitation = await new InvitationSender(db, mail, audit, clock)
            .SendToOrganisationAsync(tenantId, input.Email!, input.Role, invitedBy, baseUrl, cancellationToken);
        return new CommandResult.Success(invitation.Id, Guid.Empty);
    }
}
