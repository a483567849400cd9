using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Ita;

/// <summary>
/// Operators set up a new year in the browser: draft it from last year, edit items and their mapping in place (Thai
/// messages beside the fields for bad input), publish through a confirmation that counts the LAOs it affects.
/// </summary>
public sealed class ItaDraftTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private async Task<BrowserlessClient> OperatorAsync()
    {
        var (operatorUser, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        return await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, key);
    }

    private static List<KeyValuePair<string, string>> ItemFields(string? original, string code, string title, string mappingKind, string fromCodes, string sub = "10.2") =>
    [
        new("Form.OriginalCode", original ?? ""), new("Form.Code", code), new("Form.Title", title), new("Form.Kind", "Disclosure"),
        new("Form.SubIndicatorCode", sub), new("Form.Elements", "องค์ประกอบที่หนึ่ง\nองค์ประกอบที่สอง"), new("Form.DataYearOffset", "-1"),
        new("Form.MappingKind", mappingKind), new("Form.FromCodes", fromCodes),
    ];

    [Fact]
    public async Task The_2570_draft_ships_from_2569_is_redrafted_edited_in_place_and_published_through_a_confirmation()
    {
        var client = await OperatorAsync();
        var index = await client.GetPageAsync("/operator/ita-manuals");
        var shipped = index.QuerySelector("[data-testid=version-row][data-year='2570']")!;
        shipped.QuerySelector("[data-testid=version-note]")!.TextContent.ShouldContain("ยังไม่ประกาศโดย ป.ป.ช.");

        // Bad year: a Thai message beside the field, never a 500.
        var bad = await client.PostFormAsync("/operator/ita-manuals?handler=Draft", [new("Draft.FromYear", "2569"), new("Draft.ToYear", "2569")], "/operator/ita-manuals");
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("ปีของคู่มือใหม่ต้องอยู่หลังปีของคู่มือต้นแบบ");

        // The untouched start-up draft gives way to the operator's own.
        var drafted = await client.PostFormAsync("/operator/ita-manuals?handler=Draft", [new("Draft.FromYear", "2569"), new("Draft.ToYear", "2570")], "/operator/ita-manuals");
        drafted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var editUrl = drafted.Headers.Location!.OriginalString;
        editUrl.ShouldEndWith("/edit");
        var versionId = Guid.Parse(editUrl.Split('/')[^2]);
        var source = ShippedCatalogues.Read(2569);
        var editor = await client.GetPageAsync(editUrl);
        editor.QuerySelectorAll("[data-testid=draft-item]").Select(e => e.GetAttribute("data-code")).ShouldBe(source.AllItems().Select(i => i.Code));

        // Bad input: empty title and a code the year already has, beside that item's fields.
        var invalid = await client.PostFormAsync($"{editUrl}?handler=Save", ItemFields("O26", "O25", "", "Same", "O26"), editUrl);
        invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await invalid.Content.ReadAsStringAsync());
        var form = page.QuerySelector("[data-testid=item-form][data-code=O26]")!;
        form.QuerySelector("[data-testid=error-Title]")!.TextContent.ShouldBe("กรอกชื่อข้อ");
        form.QuerySelector("[data-testid=error-Code]")!.TextContent.ShouldContain("มีข้อ O25 อยู่แล้วในคู่มือปี 2570");
        form.QuerySelector("[data-testid=error-FromCodes]")!.TextContent.ShouldContain("เลือก \"เปลี่ยนรหัส\"");
        page.QuerySelector("[data-testid=item-form][data-code=O25] [data-testid^=error-]").ShouldBeNull();
        var unknownOld = await client.PostFormAsync($"{editUrl}?handler=Save", ItemFields("O26", "O30", "รายงานผล", "Renumbered", "O99"), editUrl);
        (await unknownOld.Content.ReadAsStringAsync()).ShouldContain("ไม่มีข้อ O99 ในคู่มือปี 2569");

        // Two renumberings and an added item.
        var renumbered = await client.PostFormAsync($"{editUrl}?handler=Save", ItemFields("O26", "O30", "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมฯ", "Renumbered", "O26"), editUrl);
        renumbered.StatusCode.ShouldBe(HttpStatusCode.Redirect, string.Join(" | ", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await renumbered.Content.ReadAsStringAsync()).QuerySelectorAll(".text-danger, .alert").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)));
        (await client.PostFormAsync($"{editUrl}?handler=Save", ItemFields("O25", "O29", "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร", "Renumbered", "O25"), editUrl)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PostFormAsync($"{editUrl}?handler=Save", [.. ItemFields(null, "O31", "ข้อใหม่ของปี 2570", "New", ""), new("Form.RequirementClause", " แสดงผลการดำเนินการตามมาตรการ ")], editUrl))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync(editUrl)).QuerySelector("[data-testid=item-form][data-code=O31] [data-testid=field-requirement]")!.TextContent.ShouldBe("แสดงผลการดำเนินการตามมาตรการ");

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var rows = await db.ItaItemMappings.AsNoTracking().Where(m => m.ToYear == 2570).ToListAsync();
            rows.Single(m => m.ToCode == "O30").ShouldSatisfyAllConditions(m => m.Kind.ShouldBe(ItaMappingKind.Renumbered), m => m.FromCodes.ShouldBe(["O26"]));
            rows.ShouldNotContain(m => m.ToCode == "O26");
            rows.Single(m => m.ToCode == "O31").Kind.ShouldBe(ItaMappingKind.New);
            var draft = await db.ItaManualVersions.AsNoTracking().SingleAsync(v => v.Id == versionId);
            draft.Status.ShouldBe(ItaManualVersionStatus.Draft);
            ItaCatalogueFormats.FromStoredJson(draft.Document).FindItem("O29")!.Title.ShouldBe("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร");
            ItaCatalogueFormats.FromStoredJson(draft.Document).FindItem("O31")!.RequirementClause.ShouldBe("แสดงผลการดำเนินการตามมาตรการ");
            ItaCatalogueFormats.FromStoredJson(draft.Document).FindItem("O29")!.RequirementClause.ShouldBeNull();
        }

        // Edited drafts are not replaced by drafting again.
        var again = await client.PostFormAsync("/operator/ita-manuals?handler=Draft", [new("Draft.FromYear", "2569"), new("Draft.ToYear", "2570")], "/operator/ita-manuals");
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync()).ShouldContain("มีร่างฉบับที่");

        var preview = await client.GetPageAsync($"/operator/ita-manuals/versions/{versionId}/preview");
        preview.QuerySelectorAll("[data-testid=preview-item]").Select(e => e.GetAttribute("data-code")).ShouldContain("O31");

        await factory.Data.CreateTenantAsync();
        int active;
        await using (var scope = factory.Scope())
        {
            active = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Organisations.CountAsync(o => o.Status == OrganisationStatus.Active);
        }

        var confirm = await client.GetPageAsync($"/operator/ita-manuals/versions/{versionId}/publish");
        confirm.QuerySelector("[data-testid=lao-count]")!.TextContent.ShouldBe(active.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        var changes = confirm.QuerySelectorAll("[data-testid=change]").Select(e => (e.GetAttribute("data-change"), e.GetAttribute("data-old"), e.GetAttribute("data-new"))).ToList();
        changes.ShouldContain(("renumbered", "O25", "O29"));
        changes.ShouldContain(("renumbered", "O26", "O30"));
        changes.ShouldContain(("added", "", "O31"));
        await using (var scope = factory.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>().PublishedAsync(2570)).ShouldBeNull("the confirmation page publishes nothing");
        }

        (await client.PostFormAsync($"/operator/ita-manuals/versions/{versionId}/publish", [], $"/operator/ita-manuals/versions/{versionId}/publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var scope = factory.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>().PublishedAsync(2570))!.Catalogue.FindItem("O30").ShouldNotBeNull();
        }

        // Published versions are immutable: the editor is gone and a save is not found.
        await client.GetPageAsync(editUrl, HttpStatusCode.NotFound);
        (await client.PostFormAsync($"{editUrl}?handler=Save", ItemFields("O30", "O30", "แก้หลังเผยแพร่", "Renumbered", "O26"), "/operator/ita-manuals")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mapping_rows_naming_items_a_catalogue_lacks_are_reported_to_operators_not_a_crash()
    {
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            (await db.ItaItemMappings.CountAsync(m => m.FromYear == 2566 && m.ToYear == 2567)).ShouldBeGreaterThan(0);
            var problems = await scope.ServiceProvider.GetRequiredService<ItaMappingQueries>().ProblemsAsync();
            problems.ShouldContain(p => p.Contains("ไม่มีข้อ O2 ในคู่มือปี 2568", StringComparison.Ordinal));
        }

        var client = await OperatorAsync();
        var index = await client.GetPageAsync("/operator/ita-manuals");
        index.QuerySelector("[data-testid=mapping-problems]")!.TextContent.ShouldContain("ไม่มีข้อ O2 ในคู่มือปี 2568");
    }
}
