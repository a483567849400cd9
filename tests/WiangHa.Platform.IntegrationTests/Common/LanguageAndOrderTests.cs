using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Organisations;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Common;

/// <summary>
/// English stays chosen once chosen (the culture cookie) and the switch returns to the same page with its query; the
/// lists a Thai reader scans (provinces, LAOs) are in Thai dictionary order, where names starting with a leading vowel
/// (เ แ โ ใ ไ) sit under their consonant, not after ฮ.
/// </summary>
public sealed class LanguageAndOrderTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task English_sticks_once_chosen_and_the_switch_keeps_the_page_and_its_query()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var clerk = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var here = $"/t/{tenant.Slug}/measures?year=2566";

        var page = await clerk.GetPageAsync(here);
        var link = page.QuerySelector("[data-testid=language]")!.GetAttribute("href")!;
        var switched = await clerk.Http.GetAsync(link);

        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.ToString().ShouldBe(here);
        foreach (var later in new[] { here, $"/t/{tenant.Slug}", $"/t/{tenant.Slug}/compliance" })
        {
            var english = await clerk.GetPageAsync(later);
            english.DocumentElement.GetAttribute("lang").ShouldBe("en", later);
            english.QuerySelector("[data-testid=language]")!.TextContent.ShouldBe("ไทย");
        }

        (await clerk.Http.GetAsync("/language?to=th&returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await clerk.GetPageAsync(here)).DocumentElement.GetAttribute("lang").ShouldBe("th");
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task The_switch_never_sends_the_reader_to_another_site(string returnUrl)
    {
        var response = await BrowserlessClient.Anonymous(factory).Http.GetAsync($"/language?to=en&returnUrl={Uri.EscapeDataString(returnUrl)}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Fact]
    public async Task Provinces_and_LAOs_are_listed_in_Thai_dictionary_order()
    {
        var (operatorUser, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        await using (var scope = factory.Scope())
        {
            var provinces = (await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().ProvincesAsync()).Select(p => p.NameTh).ToList();
            // เชียงราย (Chiang Rai) files under ช, before ตาก; binary order would put it after every ส and อ name.
            provinces.IndexOf("เชียงราย").ShouldBeLessThan(provinces.IndexOf("ตาก"));
            provinces.Take(2).ShouldBe(["กระบี่", "กรุงเทพมหานคร"]);
        }

        var first = await factory.Data.CreateTenantAsync("องค์การบริหารส่วนตำบลเวียงห้าว");
        var second = await factory.Data.CreateTenantAsync("องค์การบริหารส่วนตำบลแม่เย็น");
        var third = await factory.Data.CreateTenantAsync("องค์การบริหารส่วนตำบลทรายขาว");
        var operatorPage = await (await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, key)).GetPageAsync("/operator");
        var html = operatorPage.DocumentElement.OuterHtml;
        // ทราย (ท) < แม่ (ม) < เวียง (ว) in a Thai dictionary; by code points every แ/เ name would come after ท… and
        // เ (U+0E40) before แ (U+0E41).
        var order = new[] { third, second, first }.Select(t => html.IndexOf(t.Slug, StringComparison.Ordinal)).ToList();
        order.ShouldAllBe(i => i >= 0);
        order.ShouldBeInOrder();
    }
}
