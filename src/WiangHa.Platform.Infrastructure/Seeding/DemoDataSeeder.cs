using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Domain.Reports;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Seeding;

public sealed record DemoSignIn(string Email, string Password, string Description);

public sealed record DemoSignIns(IReadOnlyList<DemoSignIn> Accounts);

/// <summary>
/// Demo data for the embedded default only (never on a configured server database): Wiang Ha SAO with the five
/// measures of its real FY 2566 report, six more hand-made LAOs of other types in Chiang Rai and Lamphun, and every
/// other LAO of Chiang Rai in the DLA registry with generated data and a season of runs (<see cref="DemoLaoLoader"/>),
/// so the province's dashboard shows a real province. Writes each tenant's rows inside a <see cref="TenantScope"/>,
/// as a background job would.
/// </summary>
public sealed class DemoDataSeeder(
    PlatformDbContext db, UserManager<PlatformUser> users, RoleManager<IdentityRole<Guid>> roles, TenantScope tenantScope, TimeProvider clock, IOptions<DatabaseOptions> databaseOptions,
    ComplianceRunner compliance, DemoLaoLoader demoLaos)
{
    /// <summary>Meets the password policy; printed at start-up. Demo only.</summary>
    public const string DemoPassword = "Demo-WiangHa-2569";

    public const string WiangHaSlug = "wiangha";

    /// <summary>The province whose every registry LAO is onboarded in the demo: Chiang Rai.</summary>
    public const string DemoProvince = "57";

    /// <summary>The supervisors' demo sign-ins, also made by the national load.</summary>
    public static readonly IReadOnlyList<DemoSignIn> SupervisorSignIns =
    [
        new("supervisor@chiangrai.demo", DemoPassword, "เจ้าหน้าที่ สถ.จ.เชียงราย (แดชบอร์ดจังหวัดเชียงราย)"),
        new("national@platform.demo", DemoPassword, "เจ้าหน้าที่ สถ. ส่วนกลาง (แดชบอร์ดทั้งประเทศ)"),
    ];

    /// <summary>
    /// Demo OAuth clients: a public app for people (code + PKCE, e.g. a LINE bridge or a CLI) and a provincial
    /// system reading the LAOs of Chiang Rai with client credentials.
    /// </summary>
    public static readonly OpenIdClientSettings[] DemoClients =
    [
        new()
        {
            ClientId = "wiangha-demo-app", DisplayName = "WiangHa demo app", GrantTypes = ["authorization_code"],
            RedirectUris = ["http://127.0.0.1:7890/callback"], PostLogoutRedirectUris = ["http://127.0.0.1:7890/signed-out"], Scopes = ["openid", "profile", "email", "offline_access", "measures:read", "measures:write", "reports:read"],
        },
        new()
        {
            ClientId = "chiangrai-province-demo", ClientSecret = "demo-secret-change-me", DisplayName = "ระบบของ สถ.จ.เชียงราย (สาธิต)",
            GrantTypes = ["client_credentials"], Scopes = ["measures:read", "dashboards:read", "reports:read"],
            Roles = [PlatformRoles.ProvincialSupervisor], Provinces = ["57"],
        },
    ];

    private sealed record SeedMonth(int Year, int Month);

    private sealed record SeedMeasure(int Number, string Title, List<string> Steps, List<string> ResponsibleUnits, string Period, List<string> ResultPoints, string Outcome);

    private sealed record SeedReport(int FiscalYear, List<SeedMeasure> Measures);

    private sealed record DemoOrganisation(string Slug, string NameTh, string NameEn, OrganisationType Type, string ProvinceCode, string DistrictCode, string DlaCode);

    private static readonly DemoOrganisation WiangHa = new(WiangHaSlug, "องค์การบริหารส่วนตำบลเวียงห้า", "Wiang Ha Subdistrict Administrative Organization",
        OrganisationType.SubdistrictAdministrativeOrganisation, "57", "5705", "6570510");

    private static readonly DemoOrganisation[] OtherOrganisations =
    [
        new("muangphan", "เทศบาลตำบลเมืองพาน", "Mueang Phan Subdistrict Municipality", OrganisationType.SubdistrictMunicipality, "57", "5705", "5570501"),
        new("santisuk", "องค์การบริหารส่วนตำบลสันติสุข", "Santi Suk Subdistrict Administrative Organization", OrganisationType.SubdistrictAdministrativeOrganisation, "57", "5705", "6570515"),
        new("chiangrai-city", "เทศบาลนครเชียงราย", "Chiang Rai City Municipality", OrganisationType.CityMunicipality, "57", "5701", "3570102"),
        new("pao-chiangrai", "องค์การบริหารส่วนจังหวัดเชียงราย", "Chiang Rai Provincial Administrative Organization", OrganisationType.ProvincialAdministrativeOrganisation, "57", "5701", "2570101"),
        new("lamphun-town", "เทศบาลเมืองลำพูน", "Lamphun Town Municipality", OrganisationType.TownMunicipality, "51", "5101", "4510102"),
        new("rimping", "เทศบาลตำบลริมปิง", "Rim Ping Subdistrict Municipality", OrganisationType.SubdistrictMunicipality, "51", "5101", "5510104"),
    ];

    /// <summary>The demo's sign-ins, printed at start-up.</summary>
    public static DemoSignIns SignIns { get; } = new(
    [
        new("clerk@wiangha.demo", DemoPassword, "เจ้าหน้าที่ อบต.เวียงห้า (ผู้แก้ไขข้อมูล)"),
        new("admin@wiangha.demo", DemoPassword, "ผู้ดูแล อบต.เวียงห้า (จัดการส่วนราชการ)"),
        new("viewer@wiangha.demo", DemoPassword, "ผู้ดูข้อมูล อบต.เวียงห้า (อ่านอย่างเดียว)"),
        new("multi@chiangrai.demo", DemoPassword, "เจ้าหน้าที่ที่สังกัดหลายหน่วยงาน (เลือกหน่วยงานหลังเข้าสู่ระบบ)"),
        .. OtherOrganisations.Select(o => new DemoSignIn($"clerk@{o.Slug}.demo", DemoPassword, $"เจ้าหน้าที่ {o.NameTh}")),
        .. SupervisorSignIns,
        new("operator@platform.demo", DemoPassword, "ผู้ดูแลระบบ (platform operator)"),
    ]);

    public async Task<DemoSignIns> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!databaseOptions.Value.IsEmbeddedDefault)
        {
            throw new InvalidOperationException("Demo data exists only in the embedded SQLite default.");
        }

        using var unaudited = Audit.AuditSeeding.Skip();

        if (!await db.Organisations.AnyAsync(o => o.Slug == WiangHaSlug, cancellationToken))
        {
            await SeedHandMadeAsync(cancellationToken);
        }

        // The generated province comes after the hand-made LAOs and its supervisor after it, so a first start
        // interrupted while loading resumes at the next start; later starts stop at this one lookup.
        if (await users.FindByEmailAsync(SupervisorSignIns[0].Email) is null)
        {
            var chiangRai = await db.RegisteredLaos.AsNoTracking().Where(r => r.ProvinceCode == DemoProvince).OrderBy(r => r.DlaCode).ToListAsync(cancellationToken);
            await demoLaos.LoadAsync(chiangRai, cancellationToken: cancellationToken);
            await AddSupervisorsAsync();
        }

        return SignIns;
    }

    private async Task SeedHandMadeAsync(CancellationToken cancellationToken)
    {
        var wiangHa = await AddOrganisationAsync(WiangHa, cancellationToken);
        await AddMemberAsync("clerk@wiangha.demo", "สมศรี ใจดี", wiangHa, TenantRole.Editor, cancellationToken);
        await AddMemberAsync("admin@wiangha.demo", "ประเสริฐ รักษ์ถิ่น", wiangHa, TenantRole.Admin, cancellationToken);
        await AddMemberAsync("viewer@wiangha.demo", "มานี มีตา", wiangHa, TenantRole.Viewer, cancellationToken);
        await SeedWiangHaMeasuresAsync(wiangHa, cancellationToken);
        await SeedWiangHaDisclosuresAsync(wiangHa, cancellationToken);

        var others = new List<Organisation>();
        foreach (var demo in OtherOrganisations)
        {
            var organisation = await AddOrganisationAsync(demo, cancellationToken);
            others.Add(organisation);
            await AddMemberAsync($"clerk@{demo.Slug}.demo", $"เจ้าหน้าที่ {demo.NameTh}", organisation, TenantRole.Admin, cancellationToken);
            await SeedOtherMeasuresAsync(organisation, cancellationToken);
        }

        await AddMemberAsync("multi@chiangrai.demo", "วิชัย หลายสังกัด", others[0], TenantRole.Editor, cancellationToken);
        await AddMemberAsync("multi@chiangrai.demo", "วิชัย หลายสังกัด", others[2], TenantRole.Viewer, cancellationToken);
        await AddPlatformUserAsync("operator@platform.demo", "ผู้ดูแลระบบ สาธิต", PlatformRoles.Operator, null);
    }

    /// <summary>The Chiang Rai provincial supervisor and a national supervisor (skipped when they exist).</summary>
    public async Task AddSupervisorsAsync()
    {
        await AddPlatformUserAsync(SupervisorSignIns[0].Email, "สุดา ตรวจการ", PlatformRoles.ProvincialSupervisor, DemoProvince);
        await AddPlatformUserAsync(SupervisorSignIns[1].Email, "ธนา ทั่วไทย", PlatformRoles.NationalSupervisor, null);
    }

    private async Task<Organisation> AddOrganisationAsync(DemoOrganisation demo, CancellationToken cancellationToken)
    {
        var organisation = new Organisation
        {
            Slug = demo.Slug,
            DlaCode = demo.DlaCode,
            NameTh = demo.NameTh,
            NameEn = demo.NameEn,
            Type = demo.Type,
            ProvinceCode = demo.ProvinceCode,
            DistrictCode = demo.DistrictCode,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);

        using (tenantScope.Enter(TenantInfo.From(organisation)))
        {
            var order = 0;
            foreach (var name in DemoLaoGenerator.StandardUnits)
            {
                db.OrgUnits.Add(new OrgUnit { Name = name, SortOrder = ++order });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return organisation;
    }

    private async Task AddMemberAsync(string email, string displayName, Organisation organisation, TenantRole role, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PlatformUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisation.Id, Role = role });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddPlatformUserAsync(string email, string displayName, string role, string? province)
    {
        foreach (var name in PlatformRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(name));
            }
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new PlatformUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        if (province is not null)
        {
            db.SupervisorAssignments.Add(new SupervisorAssignment { UserId = user.Id, ProvinceCode = province });
            await db.SaveChangesAsync();
        }
    }

    private async Task SeedWiangHaMeasuresAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        var report = EmbeddedData.Read<SeedReport>("wiangha-2566-measures.json");
        using (tenantScope.Enter(TenantInfo.From(organisation)))
        {
            var units = await db.OrgUnits.ToDictionaryAsync(u => u.Name, cancellationToken);
            foreach (var seed in report.Measures)
            {
                var (from, to) = ParsePeriod(seed.Period);
                var measure = NewMeasure(report.FiscalYear, seed.Number, seed.Title, from, to, MeasureStatus.Completed);
                measure.AnalysisBasis = AnalysisBasis.IssueToImprove;
                measure.Steps = seed.Steps;
                measure.ResponsibleUnits = seed.ResponsibleUnits.Select(name => units[name]).ToList();
                measure.ResultPoints = seed.ResultPoints;
                measure.Outcome = seed.Outcome;
                measure.Monitoring = "รายงานผลการดำเนินการต่อนายกองค์การบริหารส่วนตำบลเวียงห้า รอบ ๖ เดือน และรอบ ๑๒ เดือน";
                measure.ItaItems = ["2566/O42", "2567/O35"];
                db.Measures.Add(measure);
            }

            AddWiangHaReportSettings(report.FiscalYear);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The analysis the FY 2566 measures answer (illustrative: the seed does not give the previous score) and the
    /// year's documents published, so <c>/p/wiangha/2566</c> shows the public page.
    /// </summary>
    private void AddWiangHaReportSettings(int fiscalYear)
    {
        var now = clock.GetUtcNow();
        db.AssessmentAnalyses.Add(new AssessmentAnalysis
        {
            FiscalYear = fiscalYear,
            Summary = "ผลการประเมินปีที่ผ่านมาชี้ว่าการเปิดเผยข้อมูลและการมีส่วนร่วมของบุคลากรและประชาชนยังต้องพัฒนา",
            UrgentWeaknesses =
            [
                "บุคลากรยังไม่ทราบข้อมูลงบประมาณและแผนการใช้จ่ายงบประมาณของหน่วยงาน",
                "การใช้ทรัพย์สินของราชการยังไม่มีข้อปฏิบัติที่ชัดเจน",
            ],
            IssuesToImprove =
            [
                "การเผยแพร่คู่มือการปฏิบัติงานและช่องทางการร้องเรียนเจ้าหน้าที่",
                "การให้ผู้รับบริการและผู้มีส่วนได้ส่วนเสียมีส่วนร่วมในการดำเนินงาน",
            ],
            UpdatedAt = now,
        });
        db.ReportPublications.Add(new ReportPublication
        {
            FiscalYear = fiscalYear,
            IsPublished = true,
            PublishResults = true,
            PublishMeasures = true,
            SignatoryPosition = "นายกองค์การบริหารส่วนตำบลเวียงห้า",
            UpdatedAt = now,
        });
    }

    /// <summary>
    /// Wiang Ha's disclosure sheets for ITA 2566 and 2567, with earlier link checks, and a first compliance run, so its
    /// checklist shows a realistic mix: passes, a page of the wrong year (warning), a "ไม่มี" answer and the measures
    /// item failing because no measure answers an urgent weakness (the clerk's fix in the demo journey).
    /// </summary>
    private async Task SeedWiangHaDisclosuresAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        const string site = "https://www.wiangha.go.th";
        (int Year, string Code, DisclosureAnswer Answer, string? Path, string Explanation)[] sheets =
        [
            (2567, "O1", DisclosureAnswer.Yes, "/structure", "แผนผังโครงสร้างฝ่ายการเมืองและฝ่ายประจำ หน้า \"โครงสร้าง\""),
            (2567, "O2", DisclosureAnswer.Yes, "/executives", "ข้อมูลผู้บริหาร นายก รองนายก ปลัด พร้อมรูปถ่ายและเบอร์ติดต่อ"),
            (2567, "O3", DisclosureAnswer.No, null, "อยู่ระหว่างจัดทำสรุปอำนาจหน้าที่"),
            (2567, "O35", DisclosureAnswer.Yes, "/ita/2567/o35-report", "รายงานผลการดำเนินการตามมาตรการ ประจำปีงบประมาณ พ.ศ. 2566 (รอบ 12 เดือน)"),
            (2566, "O1", DisclosureAnswer.Yes, "/structure", "แผนผังโครงสร้าง"),
            (2566, "O2", DisclosureAnswer.Yes, "/executives", "ข้อมูลผู้บริหาร"),
            (2566, "O42", DisclosureAnswer.Yes, "/ita/2566/o42-measures.pdf", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. 2566"),
        ];
        (string Path, int[] Years, string ContentType)[] checks =
        [
            ("/structure", [2566, 2567], "text/html"),
            ("/executives", [2566], "text/html"),
            ("/ita/2567/o35-report", [2565], "text/html"),
            ("/ita/2566/o42-measures.pdf", [], "application/pdf"),
        ];
        using (tenantScope.Enter(TenantInfo.From(organisation)))
        {
            var now = clock.GetUtcNow();
            foreach (var (year, code, answer, path, explanation) in sheets)
            {
                db.ItemDisclosures.Add(new ItemDisclosure
                {
                    AssessmentYear = year, ItemCode = code, Answer = answer, Urls = path is null ? [] : [site + path], Explanation = explanation, UpdatedAt = now,
                });
            }

            foreach (var (path, years, contentType) in checks)
            {
                db.LinkChecks.Add(new LinkCheck
                {
                    Url = site + path, Outcome = LinkOutcome.Ok, StatusCode = 200, ContentType = contentType, FinalUrl = site + path,
                    YearsMentioned = [.. years], IsText = contentType == "text/html", CheckedAt = now.AddDays(-1),
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await compliance.RunTenantAsync(organisation, "demo:seed", ComplianceRunKind.Nightly, cancellationToken);
    }

    /// <summary>Plausible measures for the other demo LAOs, so lists, isolation and comparisons have something to show.</summary>
    private async Task SeedOtherMeasuresAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        using (tenantScope.Enter(TenantInfo.From(organisation)))
        {
            var units = await db.OrgUnits.OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
            var shortName = organisation.Type.ThaiShort() + organisation.NameTh[organisation.Type.Thai().Length..];
            (string Title, string[] Steps, string[] Results, string Outcome)[] items =
            [
                ($"เผยแพร่แผนการจัดซื้อจัดจ้างและผลการจัดซื้อจัดจ้างรายเดือนบนเว็บไซต์ของ {shortName}",
                    ["จัดทำสรุปผลการจัดซื้อจัดจ้างทุกเดือน", "เผยแพร่บนเว็บไซต์ภายในวันที่ ๑๐ ของเดือนถัดไป"],
                    ["เผยแพร่สรุปผลการจัดซื้อจัดจ้างครบ ๑๒ เดือน"],
                    "ประชาชนตรวจสอบการจัดซื้อจัดจ้างได้ทุกเดือน"),
                ("ประกาศเจตจำนงสุจริตของผู้บริหารและจัดกิจกรรมรณรงค์ไม่รับของขวัญ (No Gift Policy)",
                    ["ผู้บริหารประกาศเจตจำนงสุจริต", "ประชาสัมพันธ์นโยบายไม่รับของขวัญแก่บุคลากรและประชาชน"],
                    ["ผู้บริหารลงนามประกาศเจตจำนงสุจริต", "จัดกิจกรรมรณรงค์ ๒ ครั้ง"],
                    "บุคลากรรับรู้และปฏิบัติตามนโยบายไม่รับของขวัญ"),
                ("เปิดช่องทางรับเรื่องร้องเรียนการทุจริตผ่านเว็บไซต์และไลน์ทางการ พร้อมรายงานผลการจัดการเรื่องร้องเรียน",
                    ["จัดทำแบบฟอร์มร้องเรียนออนไลน์", "รายงานสถิติเรื่องร้องเรียนทุกไตรมาส"],
                    [],
                    ""),
            ];
            var number = 0;
            foreach (var (title, steps, results, outcome) in items)
            {
                number++;
                var completed = results.Length > 0;
                var measure = NewMeasure(2568, number, title, ThaiMonth.FromBuddhist(2567, 10), ThaiMonth.FromBuddhist(2568, 9),
                    completed ? MeasureStatus.Completed : MeasureStatus.InProgress);
                measure.AnalysisBasis = number == 1 ? AnalysisBasis.UrgentWeakness : AnalysisBasis.IssueToImprove;
                measure.Steps = [.. steps];
                measure.ResponsibleUnits = [units[(number - 1) % units.Count]];
                measure.ResultPoints = [.. results];
                measure.Outcome = completed ? outcome : null;
                measure.ItaItems = ["2568/O35"];
                db.Measures.Add(measure);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Measure NewMeasure(int fiscalYear, int number, string title, ThaiMonth from, ThaiMonth to, MeasureStatus status)
    {
        var now = clock.GetUtcNow();
        return new Measure
        {
            FiscalYear = fiscalYear,
            Number = number,
            Title = title,
            PeriodFrom = from.FirstDay,
            PeriodTo = to.FirstDay,
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>"ตุลาคม ๒๕๖๕ ถึง มีนาคม ๒๕๖๖" → (Oct 2565, Mar 2566).</summary>
    internal static (ThaiMonth From, ThaiMonth To) ParsePeriod(string period)
    {
        var parts = period.Split("ถึง", StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !ThaiMonth.TryParseThai(parts[0], out var from) || !ThaiMonth.TryParseThai(parts[1], out var to))
        {
            throw new FormatException($"Unreadable period: {period}");
        }

        return (from, to);
    }
}
