using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>The address typed on the forgotten-password form.</summary>
public sealed record RequestPasswordResetInput(string? Email)
{
    public RequestPasswordResetInput Normalised() => this with { Email = Email?.Trim().ToLowerInvariant() };
}

public sealed class RequestPasswordResetInputValidator : AbstractValidator<RequestPasswordResetInput>
{
    public RequestPasswordResetInputValidator() =>
        RuleFor(i => i.Email)
            .Must(e => InvitationSender.IsEmail(e) && e!.Length <= InviteMemberInputValidator.EmailMaxLength)
            .WithMessage(InvitationSender.InvalidEmailMessage);
}

/// <summary>
/// Queues a reset request for the address typed, and answers the same whatever the address: the request does not look
/// the account up at all (the sender does, off the request, see <see cref="PasswordResetMail"/>), so a real and an
/// unknown address cost the same query and the same insert. At most <see cref="PerAddressPerHour"/> requests per
/// address an hour are queued (a mailbox cannot be flooded); beyond that the answer is still the same.
/// </summary>
public sealed class RequestPasswordResetHandler(PlatformDbContext db, IValidator<RequestPasswordResetInput> validator, MailQueue queue, TimeProvider clock)
{
    public const int PerAddressPerHour = 3;

    /// <param name="linkBase">The public address the emailed link starts with.</param>
    public async Task<CommandResult> HandleAsync(RequestPasswordResetInput input, string linkBase, CancellationToken cancellationToken = default)
    {
        input = input.Normalised();
        if (await validator.ValidateAsync(input, cancellationToken) is { IsValid: false } validation)
        {
            return new CommandResult.Invalid(validation.ToDictionary().AsReadOnly());
        }

        var now = clock.GetUtcNow();
        var hourAgo = now.AddHours(-1);
        var recent = await db.OutgoingMails.CountAsync(m => m.Kind == OutgoingMailKind.PasswordReset && m.To == input.Email && m.CreatedAt > hourAgo, cancellationToken);
        if (recent < PerAddressPerHour)
        {
            await queue.EnqueueAsync(new OutgoingMail
            {
                Kind = OutgoingMailKind.PasswordReset, To = input.Email!, LinkBase = linkBase, CreatedAt = now, NextAttemptAt = now,
            }, cancellationToken);
        }

        return new CommandResult.Success(Guid.Empty, Guid.Empty);
    }
}
