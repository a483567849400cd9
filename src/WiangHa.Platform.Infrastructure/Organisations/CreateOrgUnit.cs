using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Organisations;

public sealed record OrgUnitInput(string? Name, int? SortOrder, bool IsActive = true);

public sealed class OrgUnitInputValidator : AbstractValidator<OrgUnitInput>
{
    public OrgUnitInputValidator()
    {
        RuleFor(u => u.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("กรุณากรอกชื่อหน่วยงาน")
            .Must(n => n is null || n.Trim().Length <= OrgUnit.NameMaxLength).WithMessage($"ชื่อหน่วยงานยาวเกิน {OrgUnit.NameMaxLength} ตัวอักษร");
    }
}

/// <summary>Adds a ส่วนราชการ to the current tenant (at the end of the list unless an order is given).</summary>
public sealed class CreateOrgUnitHandler(OrgUnitWriter writer)
{
    public async Task<CommandResult> HandleAsync(OrgUnitInput input, CancellationToken cancellationToken = default)
    {
        if (await writer.ValidateAsync(input, unitId: null, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var db = writer.Db;
        var sortOrder = input.SortOrder ?? (await db.OrgUnits.MaxAsync(u => (int?)u.SortOrder, cancellationToken) ?? 0) + 1;
        var unit = new OrgUnit { Name = input.Name!.Trim(), SortOrder = sortOrder, IsActive = input.IsActive };
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(unit.Id, unit.Version);
    }
}

/// <summary>What create and update share: the field rules, then the one rule that needs the database (a unique name).</summary>
public sealed class OrgUnitWriter(PlatformDbContext db, IValidator<OrgUnitInput> validator)
{
    public const string ConflictMessage = "มีผู้อื่นแก้ไขหน่วยงานนี้ก่อนหน้า กรุณาโหลดข้อมูลล่าสุดแล้วแก้ไขอีกครั้ง";
    public const string VersionRequiredMessage = "การแก้ไขหรือลบต้องส่งส่วนหัว If-Match เป็น ETag ที่ได้จากการอ่านหน่วยงาน";

    public PlatformDbContext Db => db;

    public async Task<CommandResult.Invalid?> ValidateAsync(OrgUnitInput input, Guid? unitId, CancellationToken cancellationToken)
    {
        var errors = await validator.FieldErrorsAsync(input, cancellationToken);
        var name = input.Name?.Trim();
        if (errors.Count == 0 && await db.OrgUnits.AnyAsync(u => u.Name == name && u.Id != unitId, cancellationToken))
        {
            errors[nameof(OrgUnitInput.Name)] = ["มีหน่วยงานชื่อนี้แล้ว"];
        }

        return errors.AsInvalid();
    }
}
