using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Common;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Ita;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Home;

/// <summary>
/// The clerk's home page under a controlled clock, on three dates of the ITA 2570 season: before the OIT window,
/// inside it and after it. It names the assessment year of the date, the next deadline with the days left, the
/// projected score or why there is none, the items to fix first (failures before doubts, in the manual's order), the
/// fiscal year's measures and the documents still to produce.
/// </summary>
public sealed class ClerkHomeTests(QuietPlatformFactory factory) : IClassFixture<QuietPlatformFactory>
{
    [Fact]
    public async Task Before_inside_and_after_the_OIT_window_the_home_page_says_what_to_do_now()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var clerk = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        // 1 December 2026 (the pinned clock), FY 2570: before registration opens, nothing checked yet.
        var page = await clerk.GetPageAsync($"/t/{tenant.Slug}");
        Text(page, "home-year").ShouldContain("การประเมิน ITA ปี พ.ศ. 2570");
        Text(page, "next-milestone-date").ShouldContain("1 ม.ค. 2570");
        Text(page, "days-to-deadline").ShouldBe("อีก 31 วัน");
        Text(page, "home-score-gap").ShouldBe("ยังไม่เคยตรวจความพร้อม จึงยังไม่มีคะแนน");
        Text(page, "no-measures").ShouldBe("ยังไม่มีมาตรการของปีงบประมาณ 2570");
        page.QuerySelector("[data-testid=newest-measure-year]").ShouldBeNull();
        Documents(page).ShouldBe([("Results", "NoMeasures"), ("Measures", "NoMeasures")]);

        // 15 March 2027: inside the OIT window; two items answered, one of them wrongly, and checked.
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 15, 2, 0, 0, TimeSpan.Zero));
        var manual = await ManualUsedAsync();
        var codes = manual.Catalogue.AllItems().Select(i => i.Code).ToList();
        await AnswerAsync(tenant, manual.Year, codes[0], DisclosureAnswer.Yes, "https://home.example/first");
        await AnswerAsync(tenant, manual.Year, codes[1], DisclosureAnswer.No);
        await factory.Data.CreateMeasureAsync(tenant, "อบรมคุณธรรมผู้บริหาร", fiscalYear: 2570);
        await factory.Data.CreateMeasureAsync(tenant, "ประกาศเจตจำนงสุจริต", fiscalYear: 2569);
        await factory.Data.CreateComplianceRunAsync(tenant);

        clerk = await BrowserlessClient.SignedInAsync(factory, tenant.Editor); // months later: a new session
        page = await clerk.GetPageAsync($"/t/{tenant.Slug}");
        Text(page, "home-year").ShouldContain("การประเมิน ITA ปี พ.ศ. 2570");
        Text(page, "next-milestone-date").ShouldContain("30 เม.ย. 2570");
        Text(page, "days-to-deadline").ShouldBe("อีก 46 วัน");
        if (manual.Catalogue.IsComplete())
        {
            page.QuerySelector("[data-testid=home-score-value]").ShouldNotBeNull();
        }
        else
        {
            // A manual with unknown items gives per-item results but no projected score, and says why.
            page.QuerySelector("[data-testid=home-score-value]").ShouldBeNull();
            Text(page, "home-score-gap").ShouldContain("ยังมีข้อที่ไม่ทราบ");
        }
        var toFix = page.QuerySelectorAll("[data-testid=to-fix]").Select(li => (Code: li.GetAttribute("data-code")!, Status: li.GetAttribute("data-status")!)).ToList();
        toFix.ShouldContain((codes[1], "Fail"));
        toFix.ShouldBe(toFix.OrderBy(i => i.Status == "Fail" ? 0 : 1).ThenBy(i => codes.IndexOf(i.Code)).ToList(), "failures first, each kind in the manual's order");
        toFix.Count.ShouldBeLessThanOrEqualTo(8);
        page.QuerySelectorAll("[data-testid=home-measure]").Select(m => m.TextContent).ShouldHaveSingleItem().ShouldContain("อบรมคุณธรรมผู้บริหาร");
        // The test measure of FY 2569 carries its results and outcome; FY 2570 has no analysis written yet.
        Documents(page).ShouldBe([("Results", "Ready"), ("Measures", "Incomplete")]);

        // 1 July 2027: the window has closed; clarification has begun, the results come next.
        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 1, 2, 0, 0, TimeSpan.Zero));
        clerk = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        page = await clerk.GetPageAsync($"/t/{tenant.Slug}");
        Text(page, "next-milestone-date").ShouldContain("1 ส.ค. 2570");
        Text(page, "days-to-deadline").ShouldBe("อีก 31 วัน");
        Text(page, "home-year").ShouldContain("ปีงบประมาณ 2570");
    }

    [Fact]
    public async Task Another_LAOs_work_never_appears_on_the_home_page()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var other = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateMeasureAsync(other, "มาตรการลับของหน่วยงานอื่น", fiscalYear: 2570);

        var page = await (await BrowserlessClient.SignedInAsync(factory, tenant.Viewer)).GetPageAsync($"/t/{tenant.Slug}");

        page.DocumentElement.OuterHtml.ShouldNotContain("มาตรการลับของหน่วยงานอื่น");
        page.QuerySelectorAll("[data-testid=home-measure]").ShouldBeEmpty();
    }

    private static string Text(IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim() ?? throw new ShouldAssertException($"no {testId} on the page");

    private static List<(string Kind, string State)> Documents(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=home-document]").Select(d => (d.GetAttribute("data-kind")!, d.GetAttribute("data-state")!)).ToList();

    /// <summary>The manual the checks use in FY 2570: 2570's once published, else the newest before it.</summary>
    private async Task<ManualVersionView> ManualUsedAsync()
    {
        await using var scope = factory.Scope();
        var catalogues = scope.ServiceProvider.GetRequiredService<ItaCatalogueQueries>();
        var year = (await catalogues.PublishedYearsAsync()).Where(y => y <= 2570).Max();
        return (await catalogues.PublishedAsync(year))!;
    }

    private async Task AnswerAsync(TestTenant tenant, int year, string code, DisclosureAnswer answer, params string[] urls)
    {
        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            (await scope.ServiceProvider.GetRequiredService<SaveItemDisclosureHandler>().HandleAsync(new DisclosureInput(year, code, answer, urls, null)))
                .ShouldBeOfType<CommandResult.Success>();
        }
    }
}
