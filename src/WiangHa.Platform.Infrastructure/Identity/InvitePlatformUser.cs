using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>Whom an operator invites to the platform: a role of <see cref="PlatformRoles"/>, and provinces for a provincial supervisor.</summary>
public sealed record InvitePlatformUserInput(string? Email, string? Role, IReadOnlyList<string>? ProvinceCodes)
{
    public InvitePlatformUserInput Normalised() => this with { Email = Email?.Trim(), ProvinceCodes = ProvinceCodes ?? [] };
}

/// <summary>Field rules of a platform invitation. Runs on normalised input; the provinces need the database (handler).</summary>
public sealed class InvitePlatformUserInputValidator : AbstractValidator<InvitePlatformUserInput>
{
    public InvitePlatformUserInputValidator()
    {
        RuleFor(i => i.Email).Must(InvitationSender.IsEmail).WithMessage(InvitationSender.InvalidEmailMessage);
        RuleFor(i => i.Role).Must(r => r is not null && PlatformRoles.All.Contains(r)).WithMessage("บทบาทไม่ถูกต้อง");
    }
}

/// <summary>An operator invites another operator or a supervisor (provincial ones with the provinces they read).</summary>
public sealed class InvitePlatformUserHandler(
    PlatformDbContext db, IValidator<InvitePlatformUserInput> validator, MailQueue mail, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(InvitePlatformUserInput input, Guid? invitedBy, string baseUrl, CancellationToken cancellationToken = default)
    {
        input = input.Normalised();
        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToDictionary();
        var requested = input.ProvinceCodes!;
        var known = await db.Provinces.Where(p => requested.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken);
        var provincial = input.Role == PlatformRoles.ProvincialSupervisor;
        if (provincial && (known.Count == 0 || known.Count != requested.Distinct().Count()))
        {
            errors[nameof(InvitePlatformUserInput.ProvinceCodes)] = ["ผู้กำกับดูแลระดับจังหวัดต้องมีจังหวัดอย่างน้อย 1 จังหวัด"];
        }

        if (errors.Count > 0)
        {
            return new CommandResult.Invalid(errors.AsReadOnly());
        }

        var platformRole = input.Role!;
        var invitation = await new InvitationSender(db, mail, audit, clock)
            .SendToPlatformAsync(input.Email!, platformRole, provincial ? known : [], invitedBy, baseUrl, cancellationToken);
        return new CommandResult.Success(invitation.Id, Guid.Empty);
    }
}
