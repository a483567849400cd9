using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>The emailed token, and the name and password of the account to create (unused when the email has one).</summary>
public sealed record AcceptInvitationInput(string? Token, string? DisplayName, string? Password);

/// <summary>The invitation was redeemed for <paramref name="User"/>; <paramref name="Created"/> when its account is new.</summary>
public sealed record InvitationAccepted(PlatformUser User, bool Created) : CommandResult;

/// <summary>
/// Redeems an invitation for a new account (name and password given) or for the existing account of that email.
/// The check and the redemption happen in one transaction, so a link works once even under a double submit.
/// </summary>
public sealed class AcceptInvitationHandler(
    PlatformDbContext db, UserManager<PlatformUser> users, InvitationQueries invitations, AuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(AcceptInvitationInput input, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (invitation, problem) = await invitations.FindAsync(input.Token, cancellationToken);
        if (problem != InvitationProblem.None)
        {
            return Refused(problem);
        }

        var user = await users.FindByEmailAsync(invitation!.Email);
        var created = user is null;
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(input.DisplayName))
            {
                return CommandResult.InvalidField(nameof(AcceptInvitationInput.DisplayName), "กรุณากรอกชื่อ-นามสกุล");
            }

            user = new PlatformUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = input.DisplayName.Trim() };
            var result = await users.CreateAsync(user, input.Password ?? "");
            if (!result.Succeeded)
            {
                return new CommandResult.Invalid(result.Errors
                    .GroupBy(FieldOf)
                    .ToDictionary(g => g.Key, g => g.Select(PasswordMessages.Thai).ToArray()));
            }
        }

        if (invitation.OrganisationId is { } organisationId)
        {
            var membership = await db.Memberships.SingleOrDefaultAsync(m => m.UserId == user.Id && m.OrganisationId == organisationId, cancellationToken);
            if (membership is null)
            {
                db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisationId, Role = invitation.TenantRole ?? TenantRole.Viewer });
            }
            else
            {
                membership.Role = invitation.TenantRole ?? membership.Role;
                membership.IsActive = true;
            }
        }

        if (invitation.PlatformRole is { } platformRole)
        {
            await users.AddToRoleAsync(user, platformRole);
            foreach (var province in invitation.ProvinceCodes)
            {
                db.SupervisorAssignments.Add(new SupervisorAssignment { UserId = user.Id, ProvinceCode = province });
            }
        }

        invitation.AcceptedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(InvitationProblem.AlreadyUsed);
        }

        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.InvitationAccepted, invitation.OrganisationId, "Invitation", invitation.Id.ToString(), actorUserId: user.Id, actorName: user.Email, cancellationToken: cancellationToken);
        return new InvitationAccepted(user, created);
    }

    private static CommandResult.Invalid Refused(InvitationProblem problem) =>
        CommandResult.InvalidField(nameof(AcceptInvitationInput.Token), InvitationQueries.ProblemMessage(problem));

    /// <summary>Password rules belong beside the password; the rest (a duplicate email, …) concern the whole form.</summary>
    private static string FieldOf(IdentityError error) =>
        error.Code.StartsWith(nameof(AcceptInvitationInput.Password), StringComparison.Ordinal) ? nameof(AcceptInvitationInput.Password) : string.Empty;
}
