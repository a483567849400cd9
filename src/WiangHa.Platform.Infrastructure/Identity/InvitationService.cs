using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;

namespace WiangHa.Platform.Infrastructure.Identity;

public enum InvitationProblem
{
    None,
    Unknown,
    Expired,
    AlreadyUsed,
}

/// <summary>Sends invitation links and redeems them (once, before they expire).</summary>
public sealed class InvitationService(
    PlatformDbContext db, UserManager<PlatformUser> users, PlatformMailer mailer, AuditLog audit, TimeProvider clock)
{
    public static string ProblemMessage(InvitationProblem problem) => problem switch
    {
        InvitationProblem.Expired => "ลิงก์คำเชิญนี้หมดอายุแล้ว กรุณาขอให้ผู้ดูแลหน่วยงานส่งคำเชิญใหม่",
        InvitationProblem.AlreadyUsed => "ลิงก์คำเชิญนี้ถูกใช้ไปแล้ว หากเป็นบัญชีของท่าน กรุณาเข้าสู่ระบบ",
        _ => "ไม่พบคำเชิญนี้ กรุณาตรวจสอบลิงก์จากอีเมลอีกครั้ง",
    };

    public async Task InviteToTenantAsync(Guid organisationId, string email, TenantRole role, Guid? invitedBy, string baseUrl, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, cancellationToken);
        var token = await CreateAsync(email, organisationId, role, null, [], invitedBy, cancellationToken);
        var link = $"{baseUrl.TrimEnd('/')}/account/accept-invitation?token={token}";
        await mailer.SendAsync(new EmailMessage(
            email,
            $"คำเชิญเข้าใช้งาน WiangHa Platform: {organisation.NameTh}",
            $"ท่านได้รับเชิญให้เข้าใช้งานระบบมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ {organisation.NameTh}\n\n"
            + $"เปิดลิงก์นี้เพื่อตั้งรหัสผ่าน (ใช้ได้ครั้งเดียว ภายใน {Invitation.Lifetime.Days} วัน):\n{link}\n\n"
            + "หากท่านไม่ได้คาดว่าจะได้รับอีเมลนี้ ไม่ต้องดำเนินการใด ๆ",
            $"<p>ท่านได้รับเชิญให้เข้าใช้งานระบบมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ <b>{WebUtility.HtmlEncode(organisation.NameTh)}</b></p>"
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">ตั้งรหัสผ่านและเข้าใช้งาน</a> (ใช้ได้ครั้งเดียว ภายใน {Invitation.Lifetime.Days} วัน)</p>"),
            cancellationToken);
        await audit.RecordAsync(AuditActions.InvitationSent, organisationId, "Invitation", email, $"{{\"role\":\"{role}\"}}", cancellationToken: cancellationToken);
    }

    public async Task InviteToPlatformAsync(string email, string platformRole, IReadOnlyList<string> provinceCodes, Guid? invitedBy, string baseUrl, CancellationToken cancellationToken = default)
    {
        var token = await CreateAsync(email, null, null, platformRole, provinceCodes, invitedBy, cancellationToken);
        var link = $"{baseUrl.TrimEnd('/')}/account/accept-invitation?token={token}";
        await mailer.SendAsync(new EmailMessage(
            email,
            "คำเชิญเข้าใช้งาน WiangHa Platform",
            $"ท่านได้รับเชิญให้เข้าใช้งาน WiangHa Platform ในบทบาท {platformRole}\n\nเปิดลิงก์นี้เพื่อตั้งรหัสผ่าน (ใช้ได้ครั้งเดียว ภายใน {Invitation.Lifetime.Days} วัน):\n{link}"),
            cancellationToken);
        await audit.RecordAsync(AuditActions.InvitationSent, null, "Invitation", email, $"{{\"role\":\"{platformRole}\"}}", cancellationToken: cancellationToken);
    }

    public async Task<(Invitation? Invitation, InvitationProblem Problem)> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (null, InvitationProblem.Unknown);
        }

        var hash = Invitation.Hash(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
        {
            return (null, InvitationProblem.Unknown);
        }

        if (invitation.AcceptedAt is not null)
        {
            return (invitation, InvitationProblem.AlreadyUsed);
        }

        return invitation.ExpiresAt <= clock.GetUtcNow() ? (invitation, InvitationProblem.Expired) : (invitation, InvitationProblem.None);
    }

    /// <summary>
    /// Redeems the invitation for a new account (password given) or for the existing account of that email.
    /// The check and the redemption happen in one transaction, so a link works once even under a double submit.
    /// </summary>
    public async Task<(PlatformUser? User, bool Created, IReadOnlyList<string> Errors)> AcceptAsync(string token, string? displayName, string? password, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (invitation, problem) = await FindAsync(token, cancellationToken);
        if (problem != InvitationProblem.None)
        {
            return (null, false, [ProblemMessage(problem)]);
        }

        var user = await users.FindByEmailAsync(invitation!.Email);
        var created = user is null;
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(displayName))
            {
                return (null, false, ["กรุณากรอกชื่อ-นามสกุล"]);
            }

            user = new PlatformUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = displayName.Trim() };
            var result = await users.CreateAsync(user, password ?? "");
            if (!result.Succeeded)
            {
                return (null, false, result.Errors.Select(e => PasswordMessages.Thai(e)).ToList());
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
            return (null, false, [ProblemMessage(InvitationProblem.AlreadyUsed)]);
        }

        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.InvitationAccepted, invitation.OrganisationId, "Invitation", invitation.Id.ToString(), actorUserId: user.Id, actorName: user.Email, cancellationToken: cancellationToken);
        return (user, created, []);
    }

    private async Task<string> CreateAsync(string email, Guid? organisationId, TenantRole? role, string? platformRole, IReadOnlyList<string> provinces, Guid? invitedBy, CancellationToken cancellationToken)
    {
        var (token, hash) = Invitation.NewToken();
        var now = clock.GetUtcNow();
        db.Invitations.Add(new Invitation
        {
            Email = email.Trim().ToLowerInvariant(),
            OrganisationId = organisationId,
            TenantRole = role,
            PlatformRole = platformRole,
            ProvinceCodes = [.. provinces],
            TokenHash = hash,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
            InvitedByUserId = invitedBy,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }
}

/// <summary>Identity's password errors in Thai.</summary>
public static class PasswordMessages
{
    public static string Thai(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "รหัสผ่านต้องมีตัวเลขอย่างน้อย 1 ตัว",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "รหัสผ่านต้องมีตัวอักษรภาษาอังกฤษพิมพ์เล็กอย่างน้อย 1 ตัว",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "รหัสผ่านต้องมีตัวอักษรภาษาอังกฤษพิมพ์ใหญ่อย่างน้อย 1 ตัว",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "รหัสผ่านต้องมีสัญลักษณ์อย่างน้อย 1 ตัว เช่น - ! @",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => "อีเมลนี้มีบัญชีอยู่แล้ว",
        nameof(IdentityErrorDescriber.InvalidToken) => "ลิงก์ไม่ถูกต้องหรือหมดอายุแล้ว กรุณาขอลิงก์ใหม่",
        _ => error.Description,
    };
}
