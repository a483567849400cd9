using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Tenancy;

/// <summary>
/// Read filter and write interceptor, exercised outside HTTP through a background <see cref="TenantScope"/>, as jobs
/// and imports use them.
/// </summary>
public sealed class TenantWriteGuardTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Background_scope_reads_only_its_own_tenants_rows()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bMeasure = await factory.Data.CreateMeasureAsync(b);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        using (Enter(scope, a))
        {
            (await db.Measures.FindAsync(bMeasure)).ShouldBeNull();
            (await db.Measures.AnyAsync(m => m.Id == bMeasure)).ShouldBeFalse();
            (await db.OrgUnits.Where(u => b.UnitIds.Contains(u.Id)).CountAsync()).ShouldBe(0);
            (await db.EvidenceLinks.Where(l => l.MeasureId == bMeasure).CountAsync()).ShouldBe(0);
        }

        using (Enter(scope, b))
        {
            (await db.Measures.AnyAsync(m => m.Id == bMeasure)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task No_tenant_in_effect_reads_nothing_and_writes_nothing()
    {
        var a = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateMeasureAsync(a);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        (await db.Measures.Where(m => m.TenantId == a.Id).CountAsync()).ShouldBe(0);
        db.OrgUnits.Add(new OrgUnit { Name = "ไม่มีผู้เช่า", TenantId = a.Id });
        await Should.ThrowAsync<TenantIsolationException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData("measure")]
    [InlineData("org-unit")]
    [InlineData("evidence-link")]
    public async Task Adding_a_row_that_smuggles_another_tenants_id_is_refused(string entity)
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var aMeasure = await factory.Data.CreateMeasureAsync(a);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        using (Enter(scope, a))
        {
            object row = entity switch
            {
                "measure" => new Measure { TenantId = b.Id, Title = "แอบใส่", FiscalYear = 2566, Steps = ["x"] },
                "org-unit" => new OrgUnit { TenantId = b.Id, Name = "แอบใส่" },
                _ => new EvidenceLink { TenantId = b.Id, MeasureId = aMeasure, Url = "https://x.test", Title = "แอบใส่" },
            };
            db.Add(row);
            await Should.ThrowAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        }

        await using var check = factory.Scope();
        var checkDb = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (Enter(check, b))
        {
            (await checkDb.OrgUnits.CountAsync(u => u.Name == "แอบใส่")).ShouldBe(0);
            (await checkDb.Measures.CountAsync()).ShouldBe(0);
            (await checkDb.EvidenceLinks.CountAsync()).ShouldBe(0);
        }
    }

    [Fact]
    public async Task Updating_or_deleting_another_tenants_row_by_key_is_refused()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

        using (Enter(scope, a))
        {
            // A forged stub of B's unit, attached by key: filters never see it, only the interceptor can stop it.
            var stub = new OrgUnit { Id = b.UnitIds[0], TenantId = b.Id, Name = "ถูกแก้" };
            db.OrgUnits.Attach(stub);
            db.Entry(stub).Property(u => u.Name).IsModified = true;
            await Should.ThrowAsync<TenantIsolationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.OrgUnits.Remove(new OrgUnit { Id = b.UnitIds[1], TenantId = b.Id, Name = "x" });
            await Should.ThrowAsync<TenantIsolationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            // Moving one's own row to another tenant is refused too.
            var own = await db.OrgUnits.FirstAsync();
            own.TenantId = b.Id;
            await Should.ThrowAsync<TenantIsolationException>(() => db.SaveChangesAsync());
        }

        await using var check = factory.Scope();
        var checkDb = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (Enter(check, b))
        {
            (await checkDb.OrgUnits.OrderBy(u => u.SortOrder).Select(u => u.Name).ToListAsync())
                .ShouldBe(["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษาฯ"]);
        }
    }

    [Fact]
    public async Task Scopes_nest_and_restore_the_previous_tenant()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        await using var scope = factory.Scope();
        var accessor = scope.ServiceProvider.GetRequiredService<IMultiTenantContextAccessor>();

        using (Enter(scope, a))
        {
            using (Enter(scope, b))
            {
                accessor.MultiTenantContext.TenantInfo!.Id.ShouldBe(b.Id);
            }

            accessor.MultiTenantContext.TenantInfo!.Id.ShouldBe(a.Id);
        }

        accessor.MultiTenantContext.IsResolved.ShouldBeFalse();
    }

    private static IDisposable Enter(AsyncServiceScope scope, TestTenant tenant) =>
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info);
}
