using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Identity;

public enum InvitationProblem
{
    None,
    Unknown,
    Expired,
    AlreadyUsed,
}

/// <summary>Finds an invitation by the token of its emailed link, and says in Thai why a link no longer works.</summary>
public sealed class InvitationQueries(PlatformDbContext db, TimeProvider clock)
{
    public static string ProblemMessage(InvitationProblem problem) => problem switch
    {
        InvitationProblem.Expired => "ลิงก์คำเชิญนี้หมดอายุแล้ว กรุณาขอให้ผู้ดูแลหน่วยงานส่งคำเชิญใหม่",
        InvitationProblem.AlreadyUsed => "ลิงก์คำเชิญนี้ถูกใช้ไปแล้ว หากเป็นบัญชีของท่าน กรุณาเข้าสู่ระบบ",
        _ => "ไม่พบคำเชิญนี้ กรุณาตรวจสอบลิงก์จากอีเมลอีกครั้ง",
    };

    /// <summary>
    /// The invitation (tracked, so <see cref="AcceptInvitationHandler"/> can redeem it in its transaction) and what,
    /// if anything, keeps it from being accepted.
    /// </summary>
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
}
