using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.IntegrationTests.Reports;

namespace WiangHa.Platform.IntegrationTests.Compliance;

/// <summary>
/// Work carries into the new year through the item mapping: a clerk's disclosures after confirming a proposal (merged,
/// split and dropped items as their mapping says; only the tenant's own rows), measures from any earlier year with
/// their ITA links translated.
/// </summary>
public sealed class CarryOverTests(PlatformFactory factory) : IClassFixture<PlatformFactory>, IAsyncLifetime
{
    /// <summary>2570 edited from the shipped draft: O20 merges 2569 O20+O21, O22 removed, O23 split into O23 and O27; then published.</summary>
    public async Task InitializeAsync()
    {
        await using var scope = factory.Scope();
        var services = scope.ServiceProvider;
        if (await services.GetRequiredService<ItaCatalogueQueries>().PublishedAsync(2570) is not null)
        {
            return;
        }

        var draft = (await services.GetRequiredService<ItaCatalogueQueries>().DraftAsync(2570))!;
        var save = services.GetRequiredService<SaveItaDraftItemHandler>();
        var remove = services.GetRequiredService<RemoveItaDraftItemHandler>();
        DraftItemInput Item(string? original, string code, ItaMappingKind kind, string from) =>
            new(draft.Id, null, original, code, $"ข้อ {code} ปี 2570", ItaItemKind.Disclosure, "10.1", "องค์ประกอบ", null, null, false, kind, from, false, null);
        (await save.HandleAsync(Item("O20", "O20", ItaMappingKind.Merged, "O20, O21"), "test")).ShouldBeOfType<ItaDraftItemSaved>();
        (await remove.HandleAsync(new RemoveDraftItemInput(draft.Id, null, "O21"), "test")).ShouldBeOfType<ItaDraftItemSaved>();
        (await remove.HandleAsync(new RemoveDraftItemInput(draft.Id, null, "O22"), "test")).ShouldBeOfType<ItaDraftItemSaved>();
        (await save.HandleAsync(Item("O23", "O23", ItaMappingKind.Split, "O23"), "test")).ShouldBeOfType<ItaDraftItemSaved>();
        (await save.HandleAsync(Item(null, "O27", ItaMappingKind.Split, "O23"), "test")).ShouldBeOfType<ItaDraftItemSaved>();
        (await services.GetRequiredService<PublishItaManualVersionHandler>().HandleAsync(draft.Id, "test")).ShouldBeOfType<CommandResult.Success>();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<ItemDisclosure>> DisclosuresAsync(TestTenant tenant, int year)
    {
        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ItemDisclosures.AsNoTracking().Where(d => d.AssessmentYear == year).OrderBy(d => d.ItemCode).ToListAsync();
        }
    }

    [Fact]
    public async Task Disclosures_carry_through_the_mapping_only_after_the_clerk_confirms_and_only_the_tenants_own()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        foreach (var code in new[] { "O19", "O20", "O21", "O22", "O23" })
        {
            await factory.Data.CreateDisclosureAsync(a, 2569, code, $"https://a.example/{code}");
        }

        await factory.Data.CreateDisclosureAsync(b, 2569, "O24", "https://b.example/secret");
        var clerk = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        var url = $"/t/{a.Slug}/compliance/carry-over?year=2570&from=2569";

        var page = await clerk.GetPageAsync(url);
        var proposals = page.QuerySelectorAll("[data-testid=proposal]").ToDictionary(e => e.GetAttribute("data-to")!, e => e.GetAttribute("data-from")!);
        proposals.ShouldBe(new Dictionary<string, string> { ["O19"] = "O19", ["O20"] = "O20,O21", ["O23"] = "O23", ["O27"] = "O23" }, ignoreOrder: true);
        page.QuerySelectorAll("[data-testid=not-carried]").Select(e => e.GetAttribute("data-code")).ShouldBe(["O22"]); // dropped: ต้องตอบใหม่
        page.QuerySelector("[data-testid=to-answer]")!.TextContent.ShouldContain("O24"); // a new-year item nobody carried into
        page.Body!.TextContent.ShouldNotContain("b.example");
        page.QuerySelector("[data-testid=proposal][data-to=O20]")!.TextContent.ShouldContain("https://a.example/O21"); // merged: both URLs
        (await DisclosuresAsync(a, 2570)).ShouldBeEmpty("nothing is stored until the clerk confirms");

        // A code the proposal does not offer (B's item, or a made-up one) refuses the whole request.
        var smuggled = await clerk.PostFormAsync($"/t/{a.Slug}/compliance/carry-over?year=2570&from=2569", [new("ItemCodes", "O19"), new("ItemCodes", "O24")], url);
        smuggled.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await smuggled.Content.ReadAsStringAsync()).ShouldContain("ไม่อยู่ในรายการที่เสนอ");
        (await DisclosuresAsync(a, 2570)).ShouldBeEmpty();

        // Another tenant's carry-over is out of reach, and a viewer cannot confirm.
        var foreign = await clerk.PostFormAsync($"/t/{b.Slug}/compliance/carry-over?year=2570&from=2569", [new("ItemCodes", "O24")], url);
        foreign.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await DisclosuresAsync(b, 2570)).ShouldBeEmpty();
        var viewer = await BrowserlessClient.SignedInAsync(factory, a.Viewer);
        var denied = await viewer.PostFormAsync($"/t/{a.Slug}/compliance/carry-over?year=2570&from=2569", [new("ItemCodes", "O19")], url);
        denied.Headers.Location!.ToString().ShouldContain("/status/403");
        (await DisclosuresAsync(a, 2570)).ShouldBeEmpty();

        var confirmed = await clerk.PostFormAsync($"/t/{a.Slug}/compliance/carry-over?year=2570&from=2569", [new("ItemCodes", "O19"), new("ItemCodes", "O20"), new("ItemCodes", "O27")], url);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var carried = await DisclosuresAsync(a, 2570);
        carried.Select(d => d.ItemCode).ShouldBe(["O19", "O20", "O27"]);
        carried.Single(d => d.ItemCode == "O20").Urls.ShouldBe(["https://a.example/O20", "https://a.example/O21"]);
        carried.Single(d => d.ItemCode == "O27").Urls.ShouldBe(["https://a.example/O23"]);
        carried.ShouldAllBe(d => d.Answer == DisclosureAnswer.Yes && d.Explanation == "คำอธิบาย");
        (await DisclosuresAsync(a, 2569)).Count.ShouldBe(5, "the old year is untouched");
        (await DisclosuresAsync(b, 2570)).ShouldBeEmpty();

        // Carried items are shown as answered and are not offered again.
        var after = await clerk.GetPageAsync(url);
        after.QuerySelectorAll("[data-testid=carry-check]").Select(e => e.GetAttribute("value")).ShouldBe(["O23"]);
        var again = await clerk.PostFormAsync($"/t/{a.Slug}/compliance/carry-over?year=2570&from=2569", [new("ItemCodes", "O19")], url);
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await DisclosuresAsync(a, 2570)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Measures_carry_from_any_earlier_year_with_their_ita_links_translated_through_the_mapping()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateMeasureAsync(tenant, "มาตรการปี 2566", 2566);
        await factory.Data.CreateMeasureAsync(tenant, "มาตรการปี 2567", 2567); // linked to 2567/O35, the report item
        await using (var scope = factory.Scope())
        {
            using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var old = await db.Measures.SingleAsync(m => m.FiscalYear == 2566);
                old.ItaItems = ["2566/O42", "2566/O5"];
                await db.SaveChangesAsync();
            }
        }

        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var reports = await editor.GetPageAsync($"/t/{tenant.Slug}/reports?year=2569");
        reports.QuerySelectorAll("[data-testid=carry-from] option").Select(o => o.GetAttribute("value")).ShouldBe(["2567", "2566"]);

        // Two years back: 2567 O35 → 2569 O26.
        (await editor.PostFormAsync($"/t/{tenant.Slug}/reports?handler=CarryOver&year=2569", [new("from", "2567")], $"/t/{tenant.Slug}/reports?year=2569"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await factory.MeasuresAsync(tenant, 2569)).Single().ItaItems.ShouldBe(["2569/O26"]);

        // Wiang Ha's case: FY2566 into FY2570, O42 → 2569 O25 → 2570 O25; O5 has no successor and is left out.
        (await editor.PostFormAsync($"/t/{tenant.Slug}/reports?handler=CarryOver&year=2570", [new("from", "2566")], $"/t/{tenant.Slug}/reports?year=2570"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var copy = (await factory.MeasuresAsync(tenant, 2570)).Single();
        copy.Title.ShouldBe("มาตรการปี 2566");
        copy.ItaItems.ShouldBe(["2570/O25"]);
        copy.Status.ShouldBe(MeasureStatus.Planned);
        copy.PeriodFrom.ShouldBe(new DateOnly(2026, 10, 1));

        // A year that has no measures is not a source.
        (await editor.PostFormAsync($"/t/{tenant.Slug}/reports?handler=CarryOver&year=2570", [new("from", "2568")], $"/t/{tenant.Slug}/reports?year=2570"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
