using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Organisations;

/// <summary>
/// Operators onboard an LAO by picking its DLA registry entry on <c>/operator</c>, through the real form. Each test
/// picks its own entries (the registry is loaded by the same migrate step a deployment runs).
/// </summary>
public sealed class OnboardFromRegistryTests(SmtpPlatformFactory factory) : IClassFixture<SmtpPlatformFactory>
{
    private static readonly StringComparer Thai = StringComparer.Create(CultureInfo.GetCultureInfo("th-TH"), ignoreCase: false);

    [Fact]
    public async Task The_operator_picks_an_entry_and_the_lao_gets_its_dla_code_type_province_and_district_from_the_registry()
    {
        var client = await OperatorAsync();
        var listed = await client.GetPageAsync("/operator?province=57");
        var rows = listed.QuerySelectorAll("[data-testid=registry-entry]").ToList();

        // Every Chiang Rai entry not yet onboarded, in Thai order of district then name (เชียงแสน under ช, before ดอยหลวง).
        var expected = await RegistryAsync(r => r.ProvinceCode == "57");
        rows.Select(r => r.GetAttribute("data-dla-code")).ShouldBe(expected
            .OrderBy(e => e.District, Thai).ThenBy(e => e.Entry.NameTh, Thai).ThenBy(e => e.Entry.DlaCode, StringComparer.Ordinal).Select(e => e.Entry.DlaCode));
        var districts = rows.Select(r => r.Children[3].TextContent).Distinct().ToList();
        districts.IndexOf("เชียงแสน").ShouldBeLessThan(districts.IndexOf("ดอยหลวง"));

        var (entry, districtName) = expected.First(e => e.Entry.Type == OrganisationType.SubdistrictAdministrativeOrganisation);
        var row = rows.Single(r => r.GetAttribute("data-dla-code") == entry.DlaCode);
        row.TextContent.ShouldContain("องค์การบริหารส่วนตำบล" + entry.NameTh);
        row.TextContent.ShouldContain(districtName);
        var form = await client.GetPageAsync(row.QuerySelector("a[data-testid=pick]")!.GetAttribute("href")!);
        form.QuerySelector("[data-testid=chosen-entry]")!.TextContent.ShouldContain(districtName);
        var slug = NewSlug();
        var email = $"admin-{slug}@lao.test";
        var fields = BrowserlessClient.FormValues(form, "form[data-testid=onboard-form]");
        fields.Single(f => f.Key == "Input.DlaCode").Value.ShouldBe(entry.DlaCode);
        fields.Single(f => f.Key == "Input.NameTh").Value.ShouldBe("องค์การบริหารส่วนตำบล" + entry.NameTh);
        // The LAO spells itself differently from the registry: the operator edits the name.
        var ownSpelling = $"องค์การบริหารส่วนตำบล{entry.NameTh}ใหม่";
        fields.With("Input.NameTh", ownSpelling).With("Input.Slug", slug).With("Input.FirstAdminEmail", email);

        var created = await client.PostFormAsync("/operator?handler=Onboard", fields, "/operator");

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var organisation = await db.Organisations.SingleAsync(o => o.Slug == slug);
            organisation.DlaCode.ShouldBe(entry.DlaCode);
            organisation.NameTh.ShouldBe(ownSpelling);
            organisation.Type.ShouldBe(entry.Type);
            organisation.ProvinceCode.ShouldBe("57");
            organisation.DistrictCode.ShouldBe(entry.DistrictCode);
            (await db.Invitations.CountAsync(i => i.OrganisationId == organisation.Id && i.Email == email)).ShouldBe(1);
            (await db.AuditEvents.CountAsync(e => e.TenantId == organisation.Id && e.Action == AuditActions.InvitationSent)).ShouldBe(1);
        }

        (await factory.Smtp.WaitForMessageToAsync(email)).Subject!.ShouldContain(ownSpelling);
        var after = await client.GetPageAsync("/operator?province=57&search=" + slug);
        after.QuerySelector($"[data-testid=organisation][data-slug='{slug}'] [data-testid=dla-code]")!.TextContent.ShouldBe(entry.DlaCode);
        after.QuerySelectorAll("[data-testid=registry-entry]").Select(r => r.GetAttribute("data-dla-code")).ShouldNotContain(entry.DlaCode);
    }

    [Fact]
    public async Task The_same_entry_twice_gets_a_thai_message_beside_the_dla_code_and_writes_nothing()
    {
        var client = await OperatorAsync();
        var (entry, _) = (await RegistryAsync(r => r.ProvinceCode == "58")).First();
        var first = NewSlug();
        (await OnboardAsync(client, entry.DlaCode, first)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = NewSlug();

        var again = await OnboardAsync(client, entry.DlaCode, second);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = MessageBeside(await ParseAsync(again), "Input.DlaCode");
        message.ShouldContain($"(รหัส {entry.DlaCode}) เข้าร่วมระบบแล้ว");
        message.ShouldContain($"(ชื่อย่อ {first})");
        await NothingWrittenAsync(second);
    }

    [Fact]
    public async Task An_unknown_dla_code_gets_a_thai_message_beside_it_and_writes_nothing()
    {
        var client = await OperatorAsync();
        var slug = NewSlug();

        var response = await OnboardAsync(client, "9999999", slug);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessageBeside(await ParseAsync(response), "Input.DlaCode").ShouldBe("ไม่พบรหัส อปท. 9999999 ในทะเบียนของกรมส่งเสริมการปกครองท้องถิ่น");
        await NothingWrittenAsync(slug);
    }

    [Fact]
    public async Task Operators_racing_for_one_entry_get_one_lao_and_thai_messages_never_a_failure()
    {
        var (operatorUser, _) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        var (entry, _) = (await RegistryAsync(r => r.ProvinceCode == "63")).First();
        var slugs = Enumerable.Range(0, 6).Select(_ => NewSlug()).ToList();

        // Each attempt in its own scope, as concurrent requests would be. Whether an attempt loses at the check or at
        // the unique index depends on timing; the answer must be the same either way.
        var results = await Task.WhenAll(slugs.Select(async slug =>
        {
            await using var scope = factory.Scope();
            return await scope.ServiceProvider.GetRequiredService<OnboardOrganisationHandler>().HandleAsync(
                new OnboardOrganisationInput(entry.DlaCode, slug, null, null, $"admin-{slug}@lao.test"), operatorUser.Id, "http://localhost");
        }));

        results.OfType<CommandResult.Success>().Count().ShouldBe(1);
        results.OfType<CommandResult.Invalid>().Select(i => i.Errors[nameof(OnboardOrganisationInput.DlaCode)][0])
            .ShouldAllBe(m => m.Contains("เข้าร่วมระบบแล้ว"));
        await using var check = factory.Scope();
        var db = check.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var onboarded = await db.Organisations.Where(o => o.DlaCode == entry.DlaCode).ToListAsync();
        onboarded.Count.ShouldBe(1);
        onboarded[0].NameTh.ShouldBe(entry.Type.Thai() + entry.NameTh, "without a name of its own the LAO takes the registry's");
        (await db.Organisations.CountAsync(o => slugs.Contains(o.Slug))).ShouldBe(1);
    }

    private async Task<BrowserlessClient> OperatorAsync()
    {
        var (operatorUser, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        return await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, key);
    }

    private static Task<HttpResponseMessage> OnboardAsync(BrowserlessClient client, string dlaCode, string slug) =>
        client.PostFormAsync("/operator?handler=Onboard",
            [new("Input.DlaCode", dlaCode), new("Input.Slug", slug), new("Input.NameTh", ""), new("Input.NameEn", ""), new("Input.FirstAdminEmail", $"admin-{slug}@lao.test")],
            "/operator");

    /// <summary>Registry entries not yet onboarded, with their district's Thai name, read straight from the tables.</summary>
    private async Task<List<(RegisteredLao Entry, string District)>> RegistryAsync(System.Linq.Expressions.Expression<Func<RegisteredLao, bool>> where)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var taken = await db.Organisations.Where(o => o.DlaCode != null).Select(o => o.DlaCode!).ToListAsync();
        var districts = await db.Districts.ToDictionaryAsync(d => d.Code, d => d.NameTh);
        var entries = await db.RegisteredLaos.Where(where).OrderBy(r => r.DlaCode).ToListAsync();
        entries.ShouldNotBeEmpty();
        return entries.Where(e => !taken.Contains(e.DlaCode)).Select(e => (e, districts[e.DistrictCode])).ToList();
    }

    private async Task NothingWrittenAsync(string slug)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        (await db.Organisations.AnyAsync(o => o.Slug == slug)).ShouldBeFalse();
        (await db.Invitations.AnyAsync(i => i.Email == $"admin-{slug}@lao.test")).ShouldBeFalse();
        (await db.AuditEvents.AnyAsync(e => e.SubjectId == $"admin-{slug}@lao.test")).ShouldBeFalse();
    }

    private static string MessageBeside(IHtmlDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")!.TextContent.Trim();

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static string NewSlug() => $"lao-{Guid.NewGuid():N}"[..16];
}
