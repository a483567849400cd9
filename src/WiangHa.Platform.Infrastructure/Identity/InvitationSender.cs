using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// What every way of inviting shares: the stored invitation (only the token's hash), the emailed link that carries the
/// token, and the audit entry. Inviting into an LAO is done by its admin and by an operator onboarding it, so that
/// mail is composed here too.
/// </summary>
/// <remarks>Internal and made by its handlers (not by DI), so it cannot be used as a use case of its own.</remarks>
internal sealed class InvitationSender(PlatformDbContext db, MailQueue mail, AuditLog audit, TimeProvider clock)
{
    public const string InvalidEmailMessage = "กรุณากรอกอีเมลให้ถูกต้อง";

    public static bool IsEmail(string? email) => !string.IsNullOrEmpty(email) && MailAddress.TryCreate(email, out _);

    public async Task<Invitation> SendToOrganisationAsync(
        Guid organisationId, string email, TenantRole role, Guid? invitedBy, string baseUrl, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, cancellationToken);
        return await SendAsync(email, organisationId, role, null, [], invitedBy, baseUrl, link => new EmailMessage(
            email,
            $"คำเชิญเข้าใช้งาน WiangHa Platform: {organisation.NameTh}",
            $"ท่านได้รับเชิญให้เข้าใช้งานระบบมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ {organisation.NameTh}\n\n"
            + $"เปิดลิงก์นี้เพื่อตั้งรหัสผ่าน (ใช้ได้ครั้งเดียว ภายใน {Invitation.Lifetime.Days} วัน):\n{link}\n\n"
            + "หากท่านไม่ได้คาดว่าจะได้รับอีเมลนี้ ไม่ต้องดำเนินการใด ๆ",
            $"<p>ท่านได้รับเชิญให้เข้าใช้งานระบบมาตรการส่งเสริมคุณธรรมและความโปร่งใสของ <b>{WebUtility.HtmlEncode(organisation.NameTh)}</b></p>"
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">ตั้งรหัสผ่านและเข้าใช้งาน</a> (ใช้ได้ครั้งเดียว ภายใน {Invitation.Lifetime.Days} วัน)</p>"),
            cancellationToken);
    }

    /// <summary>Stores the invitation, queues <paramref name="compose"/>'s message for its link, and audits the sending.</summary>
    public async Task<Invitation> SendAsync(
        string email, Guid? organisationId, TenantRole? role, string? platformRole, IReadOnlyList<string> provinces, Guid? invitedBy,
        string baseUrl, Func<string, EmailMessage> compose, CancellationToken cancellationToken)
    {
        var (token, hash) = Invitation.NewToken();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
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
        };
        db.Invitations.Add(invitation);
        // The invitation and its mail are saved together; the mail leaves from the queue, not from this request.
        var link = $"{baseUrl.TrimEnd('/')}/account/accept-invitation?token={token}";
        await mail.EnqueueAsync(compose(link), cancellationToken);
        await audit.RecordAsync(
            AuditActions.InvitationSent, organisationId, "Invitation", email, $"{{\"role\":\"{platformRole ?? role.ToString()}\"}}",
            cancellationToken: cancellationToken);
        return invitation;
    }
}
