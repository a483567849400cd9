using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Data.Configurations;
using WiangHa.Platform.Infrastructure.Email;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Organisations;

/// <summary>
/// A new LAO, picked from the DLA registry by its code: type, province and district come from the registry entry; the
/// Thai name too unless given (an LAO may spell itself differently, e.g. "เวียงห้า" for the registry's "เวียงห้าว").
/// </summary>
public sealed record OnboardOrganisationInput(string? DlaCode, string? Slug, string? NameTh, string? NameEn, string? FirstAdminEmail)
{
    /// <summary>Slugs are compared and stored in lower case.</summary>
    public OnboardOrganisationInput Normalised() =>
        this with { DlaCode = DlaCode?.Trim() ?? "", Slug = Slug?.Trim().ToLowerInvariant() ?? "", NameTh = NameTh?.Trim(), FirstAdminEmail = FirstAdminEmail?.Trim() };
}

/// <summary>Field rules of a new LAO, in Thai. Runs on normalised input; the registry entry and a taken slug need the database (handler).</summary>
public sealed partial class OnboardOrganisationInputValidator : AbstractValidator<OnboardOrganisationInput>
{
    public const int NameThMaxLength = 200;
    public const int EmailMaxLength = 256;

    public OnboardOrganisationInputValidator()
    {
        RuleFor(o => o.DlaCode)
            .Must(c => c is not null && DlaCodePattern().IsMatch(c))
            .WithMessage("กรุณาเลือกหน่วยงานจากทะเบียน อปท. (รหัส อปท. เป็นตัวเลข 7 หลัก เช่น 6570510)");
        RuleFor(o => o.Slug)
            .Must(s => s is not null && SlugPattern().IsMatch(s) && s.Length <= OrganisationConfiguration.SlugMaxLength)
            .WithMessage("ชื่อย่อในลิงก์ใช้ได้เฉพาะ a-z 0-9 และ - ยาว 3–63 ตัว เช่น wiangha");
        RuleFor(o => o.NameTh)
            .Must(n => n is null || n.Length <= NameThMaxLength)
            .WithMessage($"ชื่อหน่วยงานภาษาไทยยาวได้ไม่เกิน {NameThMaxLength} ตัวอักษร");
        RuleFor(o => o.FirstAdminEmail)
            .Must(IsSingleAddress)
            .WithMessage("กรุณากรอกอีเมลของผู้ดูแลหน่วยงานคนแรก");
    }

    /// <summary>
    /// One plain address (a@b.c), as the invitation mail will need: "a@b@c" or a display name would pass a looser check
    /// and then fail when the mail is sent, after the LAO was already created.
    /// </summary>
    private static bool IsSingleAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= EmailMaxLength && email.Count(c => c == '@') == 1
        && System.Net.Mail.MailAddress.TryCreate(email, out var address) && address.Address == email && MimeKit.MailboxAddress.TryParse(email, out _);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9]{7}$")]
    private static partial Regex DlaCodePattern();
}

/// <summary>
/// An operator onboards an LAO from its registry entry: the organisation with its standard units (one save, so a
/// refused LAO leaves nothing behind), then an invitation for its first admin. One organisation per registry entry.
/// </summary>
public sealed class OnboardOrganisationHandler(
    PlatformDbContext db, IValidator<OnboardOrganisationInput> validator, RegistryQueries registry, TenantScope tenantScope,
    MailQueue mail, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] StandardUnits = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"];

    public async Task<CommandResult> HandleAsync(OnboardOrganisationInput input, Guid? operatorId, string baseUrl, CancellationToken cancellationToken = default)
    {
        input = input.Normalised();
        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToDictionary();
        var entry = errors.ContainsKey(nameof(input.DlaCode)) ? null : await registry.FindAsync(input.DlaCode, cancellationToken);
        if (entry is null && !errors.ContainsKey(nameof(input.DlaCode)))
        {
            errors[nameof(input.DlaCode)] = [$"ไม่พบรหัส อปท. {input.DlaCode} ในทะเบียนของกรมส่งเสริมการปกครองท้องถิ่น"];
        }

        await AddConflictsAsync(errors, input, entry, cancellationToken);
        if (errors.Count > 0)
        {
            return new CommandResult.Invalid(errors.AsReadOnly());
        }

        var organisation = new Organisation
        {
            Slug = input.Slug!,
            DlaCode = entry!.DlaCode,
            NameTh = string.IsNullOrEmpty(input.NameTh) ? entry.FullName : input.NameTh,
            NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? input.Slug! : input.NameEn.Trim(),
            Type = entry.Type,
            ProvinceCode = entry.ProvinceCode,
            DistrictCode = entry.DistrictCode,
            CreatedAt = clock.GetUtcNow(),
        };
        using (tenantScope.Enter(TenantInfo.From(organisation)))
        {
            db.Organisations.Add(organisation);
            var order = 0;
            db.OrgUnits.AddRange(StandardUnits.Select(name => new OrgUnit { Name = name, SortOrder = ++order }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another operator onboarded the same entry (or took the slug) between our check and our save: the
                // unique indexes refused this one. Say which, as the check would have; anything else is not ours.
                foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                {
                    added.State = EntityState.Detached;
                }

                await AddConflictsAsync(errors, input, entry, cancellationToken);
                if (errors.Count == 0)
                {
                    throw;
                }

                return new CommandResult.Invalid(errors.AsReadOnly());
            }
        }

        await new InvitationSender(db, mail, audit, clock)
            .SendToOrganisationAsync(organisation.Id, input.FirstAdminEmail!, TenantRole.Admin, operatorId, baseUrl, cancellationToken);
        return new CommandResult.Success(organisation.Id, Guid.Empty);
    }

    /// <summary>The registry entry already onboarded, or the slug taken: the two unique indexes, as messages beside their fields.</summary>
    private async Task AddConflictsAsync(IDictionary<string, string[]> errors, OnboardOrganisationInput input, RegistryEntryView? entry, CancellationToken cancellationToken)
    {
        if (entry is not null
            && await db.Organisations.AsNoTracking().Where(o => o.DlaCode == entry.DlaCode).Select(o => new { o.NameTh, o.Slug }).SingleOrDefaultAsync(cancellationToken) is { } onboarded)
        {
            errors[nameof(input.DlaCode)] = [$"{entry.FullName} (รหัส {entry.DlaCode}) เข้าร่วมระบบแล้วในชื่อ {onboarded.NameTh} (ชื่อย่อ {onboarded.Slug})"];
        }

        if (!errors.ContainsKey(nameof(input.Slug)) && await db.Organisations.AnyAsync(o => o.Slug == input.Slug, cancellationToken))
        {
            errors[nameof(input.Slug)] = ["ชื่อย่อนี้ถูกใช้แล้ว"];
        }
    }
}
