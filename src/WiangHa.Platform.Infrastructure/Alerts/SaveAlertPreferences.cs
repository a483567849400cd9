using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Alerts;

/// <summary>A user's own alert preferences: alert emails on or off, and the language of their alerts.</summary>
public sealed record AlertPreferencesInput(bool EmailsOn, string Language);

public sealed class AlertPreferencesInputValidator : AbstractValidator<AlertPreferencesInput>
{
    public AlertPreferencesInputValidator() =>
        RuleFor(p => p.Language).Must(l => l is "th" or "en").WithMessage("กรุณาเลือกภาษาไทยหรือภาษาอังกฤษ");
}

/// <summary>
/// Saves the preferences of the user named by the caller: the signed-in user, or the one a valid link from their own
/// alert email names. In-app notifications are not a preference: they cannot be switched off.
/// </summary>
public sealed class SaveAlertPreferencesHandler(PlatformDbContext db, IValidator<AlertPreferencesInput> validator)
{
    public async Task<CommandResult> HandleAsync(Guid userId, AlertPreferencesInput input, CancellationToken cancellationToken = default)
    {
        if ((await validator.FieldErrorsAsync(input, cancellationToken)).AsInvalid() is { } invalid)
        {
            return invalid;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return new CommandResult.NotFound();
        }

        user.AlertEmailsOff = !input.EmailsOn;
        user.PreferredLanguage = input.Language;
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(user.Id, Guid.Empty);
    }
}

/// <summary>One user's preferences as the preferences pages show them.</summary>
public sealed record AlertPreferencesView(Guid UserId, string Email, bool EmailsOn, string Language)
{
    /// <summary>"cl***@wiangha.demo": enough for the owner to recognise, little for whoever holds a forwarded link.</summary>
    public string MaskedEmail => Email.IndexOf('@', StringComparison.Ordinal) is var at and > 0
        ? Email[..Math.Min(2, at)] + "***" + Email[at..]
        : "***";
}

public sealed class AlertPreferencesQueries(PlatformDbContext db)
{
    public async Task<AlertPreferencesView?> ForUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new AlertPreferencesView(u.Id, u.Email ?? "", !u.AlertEmailsOff, u.PreferredLanguage)).SingleOrDefaultAsync(cancellationToken);
}
