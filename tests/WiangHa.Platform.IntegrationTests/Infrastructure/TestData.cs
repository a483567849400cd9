using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

public sealed record TestUser(Guid Id, string Email, TenantRole Role);

/// <summary>A tenant made by one test, with one user per role and the usual four units.</summary>
public sealed record TestTenant(Guid Id, string Slug, string Name, TestUser Admin, TestUser Editor, TestUser Viewer, IReadOnlyList<Guid> UnitIds)
{
    public TenantInfo Info => new(Id, Slug, Name, OrganisationStatus.Active, "57");
}

/// <summary>Builders for test data, written straight through EF Core inside tenant scopes.</summary>
public sealed class TestData(PlatformFactory factory)
{
    public const string Password = "Test-Password-123";

    public async Task<TestTenant> CreateTenantAsync(string? name = null, OrganisationStatus status = OrganisationStatus.Active)
    {
        var slug = $"t{Guid.NewGuid():N}"[..20];
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var organisation = new Organisation
        {
            Slug = slug,
            NameTh = name ?? $"องค์การบริหารส่วนตำบลทดสอบ {slug}",
            NameEn = $"Test SAO {slug}",
            Type = OrganisationType.SubdistrictAdministrativeOrganisation,
            ProvinceCode = "57",
            DistrictCode = "5705",
            Status = status,
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var admin = await CreateUserAsync(scope, organisation.Id, TenantRole.Admin, slug);
        var editor = await CreateUserAsync(scope, organisation.Id, TenantRole.Editor, slug);
        var viewer = await CreateUserAsync(scope, organisation.Id, TenantRole.Viewer, slug);

        var units = new List<Guid>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(TenantInfo.From(organisation)))
        {
            var order = 0;
            foreach (var unitName in new[] { "สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ" })
            {
                var unit = new OrgUnit { Name = unitName, SortOrder = ++order };
                db.OrgUnits.Add(unit);
                units.Add(unit.Id);
            }

            await db.SaveChangesAsync();
        }

        return new TestTenant(organisation.Id, slug, organisation.NameTh, admin, editor, viewer, units);
    }

    /// <summary>
    /// An operator or supervisor (with provinces), enrolled in TOTP as their role requires; returns the shared key
    /// their authenticator app would hold.
    /// </summary>
    public async Task<(TestUser User, string AuthenticatorKey)> CreatePlatformUserAsync(string role, params string[] provinces)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(role));
        }

        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@platform.test";
        var user = new PlatformUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        await users.SetTwoFactorEnabledAsync(user, true);
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var province in provinces)
        {
            db.SupervisorAssignments.Add(new SupervisorAssignment { UserId = user.Id, ProvinceCode = province });
        }

        await db.SaveChangesAsync();
        return (new TestUser(user.Id, email, TenantRole.Viewer), key);
    }

    /// <summary>Suspends or reactivates a tenant, as an operator would.</summary>
    public async Task SetStatusAsync(TestTenant tenant, OrganisationStatus status)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var organisation = await db.Organisations.FindAsync(tenant.Id);
        organisation!.Status = status;
        await db.SaveChangesAsync();
    }

    /// <summary>Adds a measure to the tenant; returns its id.</summary>
    public async Task<Guid> CreateMeasureAsync(TestTenant tenant, string title = "เผยแพร่ข้อมูลงบประมาณ", int fiscalYear = 2566)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            var unit = await db.OrgUnits.FindAsync(tenant.UnitIds[0]);
            var measure = new Measure
            {
                FiscalYear = fiscalYear,
                Number = 1,
                Title = title,
                Steps = ["ขั้นตอนที่หนึ่ง", "ขั้นตอนที่สอง"],
                ResponsibleUnits = [unit!],
                PeriodFrom = new DateOnly(2022, 10, 1),
                PeriodTo = new DateOnly(2023, 3, 1),
                Status = MeasureStatus.Completed,
                ResultPoints = ["ผลข้อหนึ่ง"],
                Outcome = "ผลลัพธ์เดิม",
                ItaItems = ["2567/O35"],
            };
            measure.EvidenceLinks.Add(new EvidenceLink { MeasureId = measure.Id, SortOrder = 1, Url = "https://example.org/e", Title = "หลักฐาน" });
            db.Measures.Add(measure);
            await db.SaveChangesAsync();
            return measure.Id;
        }
    }

    /// <summary>A platform operator (Identity role), for the operator pages.</summary>
    /// <summary>Runs the compliance checks of the tenant once, as the nightly job would; returns one of the runs.</summary>
    public async Task<Guid> CreateComplianceRunAsync(TestTenant tenant)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == tenant.Id);
        await scope.ServiceProvider.GetRequiredService<WiangHa.Platform.Infrastructure.Compliance.ComplianceRunner>()
            .RunTenantAsync(organisation, "test", Domain.Compliance.ComplianceRunKind.Nightly);
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            return await db.ComplianceRuns.Select(r => r.Id).FirstAsync();
        }
    }

    /// <summary>Writes the tenant's disclosure of one item.</summary>
    public async Task<Guid> CreateDisclosureAsync(TestTenant tenant, int year, string code, params string[] urls)
    {
        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            var result = await scope.ServiceProvider.GetRequiredService<SaveItemDisclosureHandler>()
                .HandleAsync(new DisclosureInput(year, code, DisclosureAnswer.Yes, urls, "คำอธิบาย"));
            return result.ShouldBeOfType<CommandResult.Success>().Id;
        }
    }

    private static async Task<TestUser> CreateUserAsync(AsyncServiceScope scope, Guid organisationId, TenantRole role, string slug)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var email = $"{role.ToString().ToLowerInvariant()}@{slug}.test";
        var user = new PlatformUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{role} {slug}" };
        var result = await users.CreateAsync(user, Password);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Description)));
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisationId, Role = role });
        await db.SaveChangesAsync();
        return new TestUser(user.Id, email, role);
    }
}
