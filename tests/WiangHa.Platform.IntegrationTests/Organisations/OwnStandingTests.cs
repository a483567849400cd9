using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Organisations;

/// <summary>
/// The LAO's home page (<c>/t/{tenant}</c>) shows its rank among the LAOs of its type in its province and their
/// average, and nothing of any other LAO. Each test uses its own province, so no test's LAOs are another's peers.
/// </summary>
public sealed class OwnStandingTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task The_home_page_shows_the_rank_and_the_province_average_of_the_newest_year_and_no_other_lao()
    {
        const string province = "58";
        const OrganisationType type = OrganisationType.SubdistrictAdministrativeOrganisation;
        var own = await LaoAsync(province, type);
        // (organisation, year, score): peers of the same type and province, and LAOs that are not peers.
        var peers = new List<(Organisation Lao, int Year, decimal Score)>();
        async Task Add(string provinceCode, OrganisationType peerType, params (int Year, decimal Score)[] standings)
        {
            var lao = await OrganisationAsync(provinceCode, peerType);
            peers.AddRange(standings.Select(s => (lao, s.Year, s.Score)));
        }

        await Add(province, type, (2568, 88.50m), (2569, 97.00m));
        await Add(province, type, (2568, 64.00m));
        await Add(province, type, (2568, 71.25m), (2567, 12.00m));
        await Add(province, OrganisationType.SubdistrictMunicipality, (2568, 95.00m));
        await Add("57", type, (2568, 99.00m));
        var ownScores = new[] { (Year: 2567, Score: 40.00m), (Year: 2568, Score: 71.25m) };
        await StandingsAsync(peers.Select(p => (p.Lao, p.Year, p.Score)).Concat(ownScores.Select(s => (own.Organisation, s.Year, s.Score))));

        // Computed here from the rows above: the newest year the LAO has a standing in (2569 has only a peer's),
        // rank = 1 + the same-type LAOs of the province scoring higher, average over them and the LAO.
        var year = ownScores.Max(s => s.Year);
        var score = ownScores.Single(s => s.Year == year).Score;
        var field = peers.Where(p => p.Year == year && p.Lao.ProvinceCode == province && p.Lao.Type == type).Select(p => p.Score).Append(score).ToList();
        var rank = field.Count(s => s > score) + 1;
        var average = field.Sum() / field.Count;
        var client = await BrowserlessClient.SignedInAsync(factory, own.Tenant.Viewer);

        var page = await client.GetPageAsync($"/t/{own.Tenant.Slug}");

        var card = page.QuerySelector("[data-testid=standing-card]")!;
        card.QuerySelector("[data-testid=standing-year]")!.TextContent.ShouldContain($"พ.ศ. {year}");
        card.QuerySelector("[data-testid=rank]")!.TextContent.ShouldBe($"อันดับ {rank} จาก {field.Count} อบต. ในจังหวัดแม่ฮ่องสอน");
        // The shipped 2568 manual is a fragment: its figure covers the known items and is not called a projection.
        card.QuerySelector("[data-testid=score]")!.TextContent.ShouldBe($"คะแนนจากข้อที่ทราบ {score.ToString("0.00", CultureInfo.InvariantCulture)}");
        card.QuerySelector("[data-testid=province-average]")!.TextContent.ShouldBe($"ค่าเฉลี่ยจังหวัด {average.ToString("0.00", CultureInfo.InvariantCulture)}");
        var html = page.DocumentElement.OuterHtml;
        foreach (var (lao, _, peerScore) in peers)
        {
            html.ShouldNotContain(lao.NameTh);
            html.ShouldNotContain(lao.Slug);
            if (peerScore != score)
            {
                html.ShouldNotContain(peerScore.ToString("0.00", CultureInfo.InvariantCulture), customMessage: "no other LAO's score");
            }
        }
    }

    [Fact]
    public async Task A_standing_written_by_the_real_compliance_run_reaches_the_home_page()
    {
        var own = await LaoAsync("96", OrganisationType.TownMunicipality);
        await factory.Data.CreateComplianceRunAsync(own.Tenant);
        ComplianceRunView run;
        await using (var scope = factory.Scope())
        {
            using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(TenantInfo.From(own.Organisation)))
            {
                run = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ComplianceRuns
                    .OrderByDescending(r => r.AssessmentYear).Select(r => new ComplianceRunView(r.AssessmentYear, r.Score)).FirstAsync();
            }
        }

        var page = await (await BrowserlessClient.SignedInAsync(factory, own.Tenant.Editor)).GetPageAsync($"/t/{own.Tenant.Slug}");

        page.QuerySelector("[data-testid=standing-year]")!.TextContent.ShouldContain($"พ.ศ. {run.Year}");
        page.QuerySelector("[data-testid=rank]")!.TextContent.ShouldBe("อันดับ 1 จาก 1 ทม. ในจังหวัดนราธิวาส");
        // Of the shipped manuals only 2566's is complete: only its score is a projected one.
        var label = run.Year == 2566 ? "คะแนนคาดการณ์" : "คะแนนจากข้อที่ทราบ";
        page.QuerySelector("[data-testid=score]")!.TextContent.ShouldBe($"{label} {run.Score.ToString("0.00", CultureInfo.InvariantCulture)}");
    }

    [Fact]
    public async Task A_standing_under_a_manual_with_unknown_items_is_not_called_a_projected_score()
    {
        // The shipped 2569 manual still has unknown items (O5–O7): the note below the figure says it is no projection,
        // so the figure must not be labelled one.
        var own = await LaoAsync("93", OrganisationType.SubdistrictAdministrativeOrganisation);
        await StandingsAsync([(own.Organisation, 2569, 65.00m)]);

        var card = (await (await BrowserlessClient.SignedInAsync(factory, own.Tenant.Viewer)).GetPageAsync($"/t/{own.Tenant.Slug}"))
            .QuerySelector("[data-testid=standing-card]")!;

        card.QuerySelector("[data-testid=score]")!.TextContent.ShouldBe("คะแนนจากข้อที่ทราบ 65.00");
        card.QuerySelector("[data-testid=incomplete-manual-note]")!.TextContent.ShouldContain("ยังไม่ใช่คะแนนคาดการณ์");
        card.TextContent.ShouldNotContain("คะแนนคาดการณ์ 65.00");
    }

    [Fact]
    public async Task Before_its_first_check_the_home_page_says_so_and_links_to_the_checklist()
    {
        var own = await LaoAsync("95", OrganisationType.SubdistrictMunicipality);

        var page = await (await BrowserlessClient.SignedInAsync(factory, own.Tenant.Viewer)).GetPageAsync($"/t/{own.Tenant.Slug}");

        page.QuerySelector("[data-testid=no-standing]")!.TextContent.ShouldContain("ยังไม่มีผลตรวจความพร้อม ITA");
        page.QuerySelector("[data-testid=to-checklist]")!.GetAttribute("href").ShouldStartWith($"/t/{own.Tenant.Slug}/compliance?year=");
        page.QuerySelector("[data-testid=rank]").ShouldBeNull();
    }

    [Fact]
    public async Task Another_laos_user_gets_404_on_its_home_page_and_a_stranger_is_sent_to_sign_in()
    {
        var a = await LaoAsync("94", OrganisationType.SubdistrictAdministrativeOrganisation);
        var b = await LaoAsync("94", OrganisationType.SubdistrictAdministrativeOrganisation);
        await StandingsAsync([(a.Organisation, 2568, 80.00m), (b.Organisation, 2568, 60.00m)]);
        var userOfB = await BrowserlessClient.SignedInAsync(factory, b.Tenant.Admin);

        var page = await userOfB.GetPageAsync($"/t/{a.Tenant.Slug}", HttpStatusCode.NotFound);

        page.DocumentElement.OuterHtml.ShouldNotContain(a.Tenant.Name);
        (await userOfB.GetPageAsync($"/t/{b.Tenant.Slug}")).QuerySelector("[data-testid=rank]")!.TextContent.ShouldBe("อันดับ 2 จาก 2 อบต. ในจังหวัดปัตตานี");
        var stranger = await BrowserlessClient.Anonymous(factory).Http.GetAsync($"/t/{a.Tenant.Slug}");
        stranger.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        stranger.Headers.Location!.ToString().ShouldContain("/account/sign-in");
    }

    private sealed record ComplianceRunView(int Year, decimal Score);

    private sealed record Lao(TestTenant Tenant, Organisation Organisation);

    /// <summary>A tenant with its users, moved to the province and type the test needs.</summary>
    private async Task<Lao> LaoAsync(string province, OrganisationType type)
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == tenant.Id);
        organisation.ProvinceCode = province;
        organisation.DistrictCode = await db.Districts.Where(d => d.ProvinceCode == province).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync();
        organisation.Type = type;
        await db.SaveChangesAsync();
        return new Lao(tenant, organisation);
    }

    /// <summary>An LAO without users: somebody else's, whose details must not show.</summary>
    private async Task<Organisation> OrganisationAsync(string province, OrganisationType type)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var slug = $"peer{Guid.NewGuid():N}"[..20];
        var organisation = new Organisation
        {
            Slug = slug,
            NameTh = $"{type.Thai()}เพื่อนบ้าน{slug[4..12]}",
            NameEn = slug,
            Type = type,
            ProvinceCode = province,
            DistrictCode = await db.Districts.Where(d => d.ProvinceCode == province).OrderBy(d => d.Code).Select(d => d.Code).FirstAsync(),
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    /// <summary>The read model's rows as compliance runs would leave them (only the fields the standing reads).</summary>
    private async Task StandingsAsync(IEnumerable<(Organisation Lao, int Year, decimal Score)> standings)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.LaoStandings.AddRange(standings.Select(s => new LaoStanding
        {
            OrganisationId = s.Lao.Id, AssessmentYear = s.Year, ProvinceCode = s.Lao.ProvinceCode, DistrictCode = s.Lao.DistrictCode, Type = s.Lao.Type,
            RunId = Guid.CreateVersion7(), CheckedAt = factory.Clock.GetUtcNow(), Score = s.Score, Passes = s.Score >= 85,
        }));
        await db.SaveChangesAsync();
    }
}
