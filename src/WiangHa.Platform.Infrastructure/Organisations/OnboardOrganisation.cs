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

public sealed record OnboardOrganisationInput(
    string? Slug, string? NameTh, string? NameEn, OrganisationType Type, string? ProvinceCode, string? DistrictCode, string? FirstAdminEmail)
{
    /// <summary>Slugs are compared and stored in lower case.</summary>
    public OnboardOrganisationInput Normalised() => this with { Slug = Slug?.Trim().ToLowerInvariant() ?? "", NameTh = NameTh?.Trim() };
}

/// <summary>Field rules of a new LAO, in Thai. Runs on normalised input; the district and a taken slug need the database (handler).</summary>
public sealed partial class OnboardOrganisationInputValidator : AbstractValidator<OnboardOrganisationInput>
{
    public const int NameThMaxLength = 200;
    public const int EmailMaxLength = 256;

    public OnboardOrganisationInputValidator()
    {
        RuleFor(o => o.Slug)
            .Must(s => s is not null && SlugPattern().IsMatch(s) && s.Length <= OrganisationConfiguration.SlugMaxLength)
            .WithMessage("ชื่อย่อในลิงก์ใช้ได้เฉพาะ a-z 0-9 และ - ยาว 3–63 ตัว เช่น wiangha");
        RuleFor(o => o.NameTh)
            .Must(n => !string.IsNullOrEmpty(n) && n.Length <= NameThMaxLength)
            .WithMessage($"กรุณากรอกชื่อหน่วยงานภาษาไทย (ไม่เกิน {NameThMaxLength} ตัวอักษร)");
        RuleFor(o => o.Type).IsInEnum().WithMessage("กรุณาเลือกประเภทหน่วยงาน");
        RuleFor(o => o.FirstAdminEmail)
            .Must(e => !string.IsNullOrWhiteSpace(e) && e.Contains('@', StringComparison.Ordinal) && e.Length <= EmailMaxLength)
            .WithMessage("กรุณากรอกอีเมลของผู้ดูแลหน่วยงานคนแรก");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex SlugPattern();
}

/// <summary>
/// An operator onboards an LAO: the organisation, its standard units, and an invitation for its first admin.
/// </summary>
public sealed class OnboardOrganisationHandler(
    PlatformDbContext db, IValidator<OnboardOrganisationInput> validator, TenantScope tenantScope,
    PlatformMailer mailer, AuditLog audit, TimeProvider clock)
{
    public static readonly string[] StandardUnits = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"];

    public async Task<CommandResult> HandleAsync(OnboardOrganisationInput input, Guid? operatorId, string baseUrl, CancellationToken cancellationToken = default)
    {
        input = input.Normalised();
        var slug = input.Slug!;
        var errors = (await validator.ValidateAsync(input, cancellationToken)).ToDictionary();
        if (!errors.ContainsKey(nameof(input.Slug)) && await db.Organisations.AnyAsync(o => o.Slug == slug, cancellationToken))
        {
            errors[nameof(input.Slug)] = ["ชื่อย่อนี้ถูกใช้แล้ว"];
        }

        var district = await db.Districts.SingleOrDefaultAsync(d => d.Code == input.DistrictCode, cancellationToken);
        if (district is null || district.ProvinceCode != input.ProvinceCode)
        {
            errors[nameof(input.DistrictCode)] = ["กรุณาเลือกจังหวัดและอำเภอให้ตรงกัน"];
        }

        if (errors.Count > 0)
        {
            return new CommandResult.Invalid(errors.AsReadOnly());
        }

        var organisation = new Organisation
        {
            Slug = slug,
            NameTh = input.NameTh!,
            NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? slug : input.NameEn.Trim(),
            Type = input.Type,
            ProvinceCode = input.ProvinceCode!,
            DistrictCode = input.DistrictCode!,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        using (tenantScope.Enter(TenantInfo.From(organisation)))
        {
            var order = 0;
            db.OrgUnits.AddRange(StandardUnits.Select(name => new OrgUnit { Name = name, SortOrder = ++order }));
            await db.SaveChangesAsync(cancellationToken);
        }

        await new InvitationSender(db, mailer, audit, clock)
            .SendToOrganisationAsync(organisation.Id, input.FirstAdminEmail!, TenantRole.Admin, operatorId, baseUrl, cancellationToken);
        return new CommandResult.Success(organisation.Id, Guid.Empty);
    }
}
