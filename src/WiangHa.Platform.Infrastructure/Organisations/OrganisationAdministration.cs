using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Data.Configurations;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Organisations;

public sealed record OnboardOrganisationInput(
    string? Slug, string? NameTh, string? NameEn, OrganisationType Type, string? ProvinceCode, string? DistrictCode, string? FirstAdminEmail);

public sealed record OrganisationSummary(Guid Id, string Slug, string NameTh, OrganisationType Type, string ProvinceNameTh, string DistrictNameTh, OrganisationStatus Status, int MemberCount);

/// <summary>Platform operators onboard LAOs and suspend or reactivate them (data is always kept).</summary>
public sealed partial class OrganisationAdministration(PlatformDbContext db, TenantScope tenantScope, InvitationService invitations, TimeProvider clock)
{
    public static readonly string[] StandardUnits = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"];

    public async Task<IReadOnlyList<OrganisationSummary>> ListAsync(string? search = null, string? provinceCode = null, CancellationToken cancellationToken = default)
    {
        var query = from o in db.Organisations
                    join p in db.Provinces on o.ProvinceCode equals p.Code
                    join d in db.Districts on o.DistrictCode equals d.Code
                    select new { o, p, d };
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(x => x.o.NameTh.Contains(search) || x.o.Slug.Contains(search));
        }

        if (!string.IsNullOrWhiteSpace(provinceCode))
        {
            query = query.Where(x => x.o.ProvinceCode == provinceCode);
        }

        return await query.OrderBy(x => x.p.NameTh).ThenBy(x => x.o.NameTh).Take(500)
            .Select(x => new OrganisationSummary(x.o.Id, x.o.Slug, x.o.NameTh, x.o.Type, x.p.NameTh, x.d.NameTh, x.o.Status,
                db.Memberships.Count(m => m.OrganisationId == x.o.Id && m.IsActive)))
            .ToListAsync(cancellationToken);
    }

    public async Task<CommandResult> OnboardAsync(OnboardOrganisationInput input, Guid? operatorId, string baseUrl, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var slug = input.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!SlugPattern().IsMatch(slug) || slug.Length > OrganisationConfiguration.SlugMaxLength)
        {
            errors[nameof(input.Slug)] = ["ชื่อย่อในลิงก์ใช้ได้เฉพาะ a-z 0-9 และ - ยาว 3–63 ตัว เช่น wiangha"];
        }
        else if (await db.Organisations.AnyAsync(o => o.Slug == slug, cancellationToken))
        {
            errors[nameof(input.Slug)] = ["ชื่อย่อนี้ถูกใช้แล้ว"];
        }

        if (string.IsNullOrWhiteSpace(input.NameTh) || input.NameTh.Trim().Length > 200)
        {
            errors[nameof(input.NameTh)] = ["กรุณากรอกชื่อหน่วยงานภาษาไทย (ไม่เกิน 200 ตัวอักษร)"];
        }

        if (!Enum.IsDefined(input.Type))
        {
            errors[nameof(input.Type)] = ["กรุณาเลือกประเภทหน่วยงาน"];
        }

        var district = await db.Districts.SingleOrDefaultAsync(d => d.Code == input.DistrictCode, cancellationToken);
        if (district is null || district.ProvinceCode != input.ProvinceCode)
        {
            errors[nameof(input.DistrictCode)] = ["กรุณาเลือกจังหวัดและอำเภอให้ตรงกัน"];
        }

        if (string.IsNullOrWhiteSpace(input.FirstAdminEmail) || !input.FirstAdminEmail.Contains('@', StringComparison.Ordinal) || input.FirstAdminEmail.Length > 256)
        {
            errors[nameof(input.FirstAdminEmail)] = ["กรุณากรอกอีเมลของผู้ดูแลหน่วยงานคนแรก"];
        }

        if (errors.Count > 0)
        {
            return new CommandResult.Invalid(errors);
        }

        var organisation = new Organisation
        {
            Slug = slug,
            NameTh = input.NameTh!.Trim(),
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

        await invitations.InviteToTenantAsync(organisation.Id, input.FirstAdminEmail!, TenantRole.Admin, operatorId, baseUrl, cancellationToken);
        return new CommandResult.Success(organisation.Id, Guid.Empty);
    }

    public async Task<CommandResult> SetStatusAsync(Guid organisationId, OrganisationStatus status, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
        {
            return new CommandResult.NotFound();
        }

        organisation.Status = status;
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(organisation.Id, Guid.Empty);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex SlugPattern();
}
