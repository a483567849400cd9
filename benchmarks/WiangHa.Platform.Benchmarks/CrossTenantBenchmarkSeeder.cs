using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Benchmarks;

public sealed record SeedCounts(int Tenants, int Disclosures, int Measures, int LinkChecks);

/// <summary>
/// Writes a national-scale dataset for many tenants at once, so it deliberately bypasses the tenant write guard (a
/// context without the interceptor): cross-tenant writes live only in types named <c>CrossTenant…</c>.
/// Per tenant: ~40 disclosures of the year's items (a few missing or answered "ไม่มี"), 10 measures linked to the
/// measures and report items (one with a gap), one link result per URL (a few broken or of the wrong year).
/// </summary>
public static class CrossTenantBenchmarkSeeder
{
    private const int Batch = 100;

    public static async Task<SeedCounts> SeedAsync(DatabaseProvider provider, string connectionString, int tenants, int year)
    {
        var catalogue = ShippedCatalogues.Read(year);
        var items = catalogue.AllItems().ToList();
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UseProvider(provider, connectionString);
        var disclosures = 0;
        var measures = 0;
        var links = 0;
        var random = new Random(2566);
        for (var start = 0; start < tenants; start += Batch)
        {
            await using var db = new PlatformDbContext(options.Options, new AsyncLocalMultiTenantContextAccessor());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var t = start; t < Math.Min(tenants, start + Batch); t++)
            {
                var organisation = new Organisation
                {
                    Slug = $"lao{t:D5}", NameTh = $"องค์การบริหารส่วนตำบลทดสอบ {t}", NameEn = $"Bench SAO {t}",
                    Type = t % 3 == 0 ? OrganisationType.SubdistrictMunicipality : OrganisationType.SubdistrictAdministrativeOrganisation,
                    ProvinceCode = "57", DistrictCode = "5705",
                };
                db.Organisations.Add(organisation);
                var unit = new OrgUnit { TenantId = organisation.Id, Name = "สำนักปลัด", SortOrder = 1 };
                db.OrgUnits.Add(unit);
                var site = $"https://www.lao{t:D5}.go.th";
                foreach (var item in items)
                {
                    var roll = random.Next(100);
                    if (roll < 5)
                    {
                        continue; // not filled in yet
                    }

                    var url = $"{site}/ita/{year}/{item.Code.ToLowerInvariant()}";
                    db.ItemDisclosures.Add(new ItemDisclosure
                    {
                        TenantId = organisation.Id, AssessmentYear = year, ItemCode = item.Code, Answer = roll < 8 ? DisclosureAnswer.No : DisclosureAnswer.Yes,
                        Urls = [url], Explanation = "ข้อมูลบนเว็บไซต์หลัก",
                    });
                    db.LinkChecks.Add(new LinkCheck
                    {
                        TenantId = organisation.Id, Url = url, Outcome = roll > 96 ? LinkOutcome.Broken : LinkOutcome.Ok, StatusCode = roll > 96 ? 404 : 200,
                        ContentType = "text/html", IsText = true, YearsMentioned = roll is > 90 and <= 96 ? [year - 2] : [year, year - 1],
                    });
                    disclosures++;
                    links++;
                }

                for (var m = 1; m <= 10; m++)
                {
                    db.Measures.Add(new Measure
                    {
                        TenantId = organisation.Id, FiscalYear = year, Number = m, Title = $"มาตรการที่ {m}",
                        AnalysisBasis = m == 1 ? AnalysisBasis.UrgentWeakness : AnalysisBasis.IssueToImprove,
                        Steps = ["ขั้นตอนที่ 1", "ขั้นตอนที่ 2"], ResponsibleUnits = [unit], Monitoring = "รายงานผลรอบ 6 และ 12 เดือน",
                        PeriodFrom = new DateOnly(year - 544, 10, 1), PeriodTo = new DateOnly(year - 543, 3, 1), Status = MeasureStatus.Completed,
                        ResultPoints = ["ดำเนินการแล้ว"], Outcome = m == 7 && t % 4 == 0 ? null : "บรรลุเป้าหมาย",
                        ItaItems = [$"{year}/O42", $"{year}/O43"],
                    });
                    measures++;
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        return new SeedCounts(tenants, disclosures, measures, links);
    }

    /// <summary>Two people per tenant who receive its alerts (an admin and an editor) and one supervisor of the province.</summary>
    public static async Task<int> SeedAlertRecipientsAsync(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        options.UseProvider(provider, connectionString);
        List<Guid> tenants;
        await using (var db = new PlatformDbContext(options.Options, new AsyncLocalMultiTenantContextAccessor()))
        {
            tenants = await db.Organisations.AsNoTracking().OrderBy(o => o.Slug).Select(o => o.Id).ToListAsync();
            var supervisor = new PlatformUser { UserName = "supervisor@bench.test", Email = "supervisor@bench.test", DisplayName = "ผู้กำกับจังหวัด" };
            db.Users.Add(supervisor);
            db.SupervisorAssignments.Add(new SupervisorAssignment { UserId = supervisor.Id, ProvinceCode = "57" });
            await db.SaveChangesAsync();
        }

        foreach (var chunk in tenants.Chunk(Batch * 5))
        {
            await using var db = new PlatformDbContext(options.Options, new AsyncLocalMultiTenantContextAccessor());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var tenant in chunk)
            {
                foreach (var role in new[] { TenantRole.Admin, TenantRole.Editor })
                {
                    var email = $"{role.ToString().ToLowerInvariant()}-{tenant:N}@bench.test";
                    var user = new PlatformUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = "เจ้าหน้าที่" };
                    db.Users.Add(user);
                    db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = tenant, Role = role });
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        return tenants.Count * 2;
    }
}
