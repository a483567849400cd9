using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.Web.Common;
using WiangHa.Platform.Web.Identity;

namespace WiangHa.Platform.Web.Pages.Tenant.Users;

/// <summary>The tenant admin invites people, changes their roles and deactivates them.</summary>
[Authorize(Policy = TenantPolicies.Admin)]
public sealed class IndexModel(
    IMultiTenantContextAccessor tenant, TenantMemberQueries members, InviteMemberHandler invite, ChangeMemberRoleHandler changeRole,
    SetMemberActiveHandler setActive, PublicUrls urls) : TenantPageModel(tenant)
{
    public IReadOnlyList<MemberView> Members { get; private set; } = [];
    public IReadOnlyList<PendingInvitationView> Pending { get; private set; } = [];

    [BindProperty]
    public string? InviteEmail { get; set; }

    [BindProperty]
    public TenantRole InviteRole { get; set; } = TenantRole.Editor;

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Members = await members.ListAsync(cancellationToken);
        Pending = await members.PendingInvitationsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var input = new InviteMemberInput(InviteEmail, InviteRole);
        var result = await invite.HandleAsync(input, UserId, urls.Base(Request), cancellationToken);
        if (result is CommandResult.Invalid invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                var key = field == nameof(InviteMemberInput.Email) ? nameof(InviteEmail) : string.Empty;
                foreach (var message in messages)
                {
                    ModelState.AddModelError(key, message);
                }
            }

            await OnGetAsync(cancellationToken);
            return Page();
        }

        var email = input.Normalised().Email;
        TempData["Message"] = Ui.T($"ส่งคำเชิญไปที่ {email} แล้ว", $"Invitation sent to {email}.");
        return Redirect(TenantPath("/users"));
    }

    public async Task<IActionResult> OnPostChangeRoleAsync(Guid membershipId, TenantRole role, CancellationToken cancellationToken) =>
        await ShowAsync(await changeRole.HandleAsync(membershipId, role, UserId, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDeactivateAsync(Guid membershipId, CancellationToken cancellationToken) =>
        await ShowAsync(await setActive.HandleAsync(membershipId, false, UserId, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReactivateAsync(Guid membershipId, CancellationToken cancellationToken) =>
        await ShowAsync(await setActive.HandleAsync(membershipId, true, UserId, cancellationToken), cancellationToken);

    private async Task<IActionResult> ShowAsync(CommandResult result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case CommandResult.Success:
                TempData["Message"] = Ui.T("บันทึกแล้ว", "Saved.");
                return Redirect(TenantPath("/users"));
            case CommandResult.NotFound:
                return NotFound();
            case CommandResult.Invalid invalid:
                foreach (var message in invalid.Errors.SelectMany(e => e.Value))
                {
                    ModelState.AddModelError(string.Empty, message);
                }

                break;
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }
}
