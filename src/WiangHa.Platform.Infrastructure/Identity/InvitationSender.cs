using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Geography;
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
        var district = await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Code == organisation.DistrictCode, cancellationToken);
        var province = await db.Provinces.AsNoTracking().SingleOrDefaultAsync(p => p.Code == organisation.ProvinceCode, cancellationToken);
        var english = await PrefersEnglishAsync(email, cancellationToken);
        var place = english
            ? string.Concat(new[] { district is null ? null : DistrictEnglish(district), province is null ? null : ProvinceEnglish(province) }.OfType<string>().Select(p => ", " + p))
            : string.Concat(new[] { district is null ? null : DistrictThai(district, organisation.ProvinceCode), province is null ? null : ProvinceThai(province) }.OfType<string>().Select(p => " " + p));
        var invited = english
            ? $"You have been invited as {RoleNames.English(role)} of {organisation.NameEn}{place}"
            : $"ท่านได้รับเชิญเป็น {RoleNames.Thai(role)} ของ {organisation.NameTh}{place}";
        return await SendAsync(email, organisationId, role, null, [], invitedBy, baseUrl,
            link => Message(email, english, english ? organisation.NameEn : organisation.NameTh, invited, link), cancellationToken);
    }

    /// <summary>Invites an operator or a supervisor (a provincial one names their provinces).</summary>
    public async Task<Invitation> SendToPlatformAsync(
        string email, string platformRole, IReadOnlyList<string> provinceCodes, Guid? invitedBy, string baseUrl, CancellationToken cancellationToken)
    {
        var provinces = await db.Provinces.AsNoTracking().Where(p => provinceCodes.Contains(p.Code)).OrderBy(p => p.Code).ToListAsync(cancellationToken);
        var english = await PrefersEnglishAsync(email, cancellationToken);
        var invited = english
            ? $"You have been invited as {RoleNames.English(platformRole)}{(provinces.Count == 0 ? "" : " for " + string.Join(", ", provinces.Select(ProvinceEnglish)))}"
            : $"ท่านได้รับเชิญเป็น {RoleNames.Thai(platformRole)}{string.Concat(provinces.Select(p => " " + ProvinceThai(p)))}";
        return await SendAsync(email, null, null, platformRole, [.. provinces.Select(p => p.Code)], invitedBy, baseUrl,
            link => Message(email, english, null, invited, link), cancellationToken);
    }

    /// <summary>An invitee who already has an account (in another LAO or role) and chose English gets the mail in English.</summary>
    private async Task<bool> PrefersEnglishAsync(string email, CancellationToken cancellationToken)
    {
        var normalised = email.Trim().ToUpperInvariant();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == normalised && u.PreferredLanguage == "en", cancellationToken);
    }

    private static EmailMessage Message(string email, bool english, string? organisationName, string invited, string link)
    {
        var days = Invitation.Lifetime.Days;
        var named = organisationName is null ? "" : $": {organisationName}";
        return english
            ? new EmailMessage(
                email,
                $"Invitation to WiangHa Platform{named}",
                $"{invited}, on WiangHa Platform (integrity and transparency measures and ITA readiness).\n\n"
                + $"Open this link to set your password (it works once, within {days} days):\n{link}\n\n"
                + "If you did not expect this email, you need not do anything.",
                $"<p>{WebUtility.HtmlEncode(invited)}, on WiangHa Platform.</p>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">Set your password and sign in</a> (works once, within {days} days)</p>")
            : new EmailMessage(
                email,
                $"คำเชิญเข้าใช้งาน WiangHa Platform{named}",
                $"{invited}\nในระบบมาตรการส่งเสริมคุณธรรมและความโปร่งใส (WiangHa Platform)\n\n"
                + $"เปิดลิงก์นี้เพื่อตั้งรหัสผ่าน (ใช้ได้ครั้งเดียว ภายใน {days} วัน):\n{link}\n\n"
                + "หากท่านไม่ได้คาดว่าจะได้รับอีเมลนี้ ไม่ต้องดำเนินการใด ๆ",
                $"<p>{WebUtility.HtmlEncode(invited)}<br>ในระบบมาตรการส่งเสริมคุณธรรมและความโปร่งใส (WiangHa Platform)</p>"
                + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">ตั้งรหัสผ่านและเข้าใช้งาน</a> (ใช้ได้ครั้งเดียว ภายใน {days} วัน)</p>");
    }

    // Bangkok (province 10) has เขต, not อำเภอ, and is not a จังหวัด.
    private const string Bangkok = "10";

    private static string DistrictThai(District district, string provinceCode) => (provinceCode == Bangkok ? "เขต" : "อำเภอ") + district.NameTh;

    private static string DistrictEnglish(District district) => $"{district.NameEn} District";

    private static string ProvinceThai(Province province) => province.Code == Bangkok ? province.NameTh : "จังหวัด" + province.NameTh;

    private static string ProvinceEnglish(Province province) => province.Code == Bangkok ? province.NameEn : $"{province.NameEn} Province";

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
