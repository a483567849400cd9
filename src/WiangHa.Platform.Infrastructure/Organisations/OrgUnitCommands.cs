using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;

namespace WiangHa.Platform.Infrastructure.Organisations;

public sealed record OrgUnitInput(string? Name, int? SortOrder, bool IsActive = true);

public sealed record OrgUnitView(Guid Id, string Name, int SortOrder, bool IsActive, Guid Version, int MeasureCount);

/// <summary>ส่วนราชการ of the current tenant: list, add, rename/reorder/retire, delete when unused.</summary>
public sealed class OrgUnitCommands(PlatformDbContext db)
{
    public async Task<IReadOnlyList<OrgUnitView>> ListAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        var query = db.OrgUnits.AsNoTracking();
        if (activeOnly)
        {
            query = query.Where(u => u.IsActive);
        }

        var units = await query.OrderBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(cancellationToken);
        var ids = units.Select(u => u.Id).ToList();
        var usage = await db.Measures
            .SelectMany(m => m.ResponsibleUnits.Select(u => u.Id))
            .Where(id => ids.Contains(id))
            .GroupBy(id => id)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return units.Select(u => new OrgUnitView(u.Id, u.Name, u.SortOrder, u.IsActive, u.Version, usage.GetValueOrDefault(u.Id))).ToList();
    }

    public async Task<OrgUnitView?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken: cancellationToken)).SingleOrDefault(u => u.Id == id);

    public async Task<CommandResult> CreateAsync(OrgUnitInput input, CancellationToken cancellationToken = default)
    {
        var name = input.Name?.Trim();
        if (await ValidateNameAsync(name, null, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var sortOrder = input.SortOrder ?? (await db.OrgUnits.MaxAsync(u => (int?)u.SortOrder, cancellationToken) ?? 0) + 1;
        var unit = new OrgUnit { Name = name!, SortOrder = sortOrder, IsActive = input.IsActive };
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(unit.Id, unit.Version);
    }

    public async Task<CommandResult> UpdateAsync(Guid id, OrgUnitInput input, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return new CommandResult.NotFound();
        }

        if (unit.Version != expectedVersion)
        {
            return new CommandResult.Conflict("มีผู้อื่นแก้ไขหน่วยงานนี้ก่อนหน้า กรุณาโหลดข้อมูลล่าสุดแล้วแก้ไขอีกครั้ง", unit.Version);
        }

        var name = input.Name?.Trim();
        if (await ValidateNameAsync(name, id, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        unit.Name = name!;
        unit.SortOrder = input.SortOrder ?? unit.SortOrder;
        unit.IsActive = input.IsActive;
        db.Entry(unit).Property(u => u.Version).OriginalValue = expectedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult.Conflict("มีผู้อื่นแก้ไขหน่วยงานนี้ก่อนหน้า กรุณาโหลดข้อมูลล่าสุดแล้วแก้ไขอีกครั้ง", expectedVersion);
        }

        return new CommandResult.Success(unit.Id, unit.Version);
    }

    public async Task<CommandResult> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return new CommandResult.NotFound();
        }

        var inUse = await db.Measures.AnyAsync(m => m.ResponsibleUnits.Any(u => u.Id == id), cancellationToken);
        if (inUse)
        {
            return CommandResult.InvalidField(nameof(OrgUnitInput.Name),
                "หน่วยงานนี้เป็นผู้รับผิดชอบมาตรการอยู่ จึงลบไม่ได้ ให้ปิดการใช้งานแทน (มาตรการเดิมยังแสดงชื่อหน่วยงานนี้)");
        }

        db.OrgUnits.Remove(unit);
        await db.SaveChangesAsync(cancellationToken);
        return new CommandResult.Success(id, unit.Version);
    }

    private async Task<CommandResult.Invalid?> ValidateNameAsync(string? name, Guid? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(name))
        {
            return CommandResult.InvalidField(nameof(OrgUnitInput.Name), "กรุณากรอกชื่อหน่วยงาน");
        }

        if (name.Length > OrgUnit.NameMaxLength)
        {
            return CommandResult.InvalidField(nameof(OrgUnitInput.Name), $"ชื่อหน่วยงานยาวเกิน {OrgUnit.NameMaxLength} ตัวอักษร");
        }

        var taken = await db.OrgUnits.AnyAsync(u => u.Name == name && u.Id != id, cancellationToken);
        return taken ? CommandResult.InvalidField(nameof(OrgUnitInput.Name), "มีหน่วยงานชื่อนี้แล้ว") : null;
    }
}

public static class OrganisationsServiceCollectionExtensions
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<OrgUnitCommands>();
        services.AddScoped<MembershipQueries>();
        return services;
    }
}
