using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace WiangHa.Platform.E2E;

[Collection(BrowserCollection.Name)]
public sealed class MeasureCatalogueJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task Wiang_ha_clerk_signs_in_sees_the_five_measures_edits_one_and_signs_out()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "เข้าสู่ระบบ" }).First.ClickAsync();
        await page.GetByLabel("อีเมล").FillAsync("clerk@wiangha.demo");
        await page.GetByLabel("รหัสผ่าน").FillAsync("Demo-WiangHa-2569");
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();

        await page.WaitForURLAsync("**/t/wiangha");
        await page.GotoAsync("/t/wiangha/measures");
        (await page.Locator("[data-testid=tenant-name]").TextContentAsync()).ShouldBe("องค์การบริหารส่วนตำบลเวียงห้า");
        (await page.Locator("[data-testid=measure-row]").CountAsync()).ShouldBe(5);
        (await page.Locator("[data-testid=measure-title]").First.TextContentAsync())!.ShouldStartWith("การประชาสัมพันธ์เผยแพร่และเปิดเผยข้อมูลเกี่ยวกับงบประมาณ");
        (await page.EvaluateAsync<bool>("document.fonts.check('16px Sarabun', 'ก')")).ShouldBeTrue("the Sarabun web font must cover Thai");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "measure-list.png"), FullPage = true });

        await page.Locator("[data-testid=measure-title]").Nth(1).ClickAsync();
        await page.Locator("[data-testid=edit-measure]").ClickAsync();
        await page.Locator("[data-testid=field-outcome]").FillAsync("บุคลากรทุกคนรับทราบหลักเกณฑ์การประเมินผลการปฏิบัติงาน (ปรับปรุงในการทดสอบ)");
        await page.Locator("[data-testid=save-measure]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/t/wiangha/measures/[0-9a-f-]+$"));
        (await page.Locator("[data-testid=flash]").TextContentAsync()).ShouldBe("บันทึกการแก้ไขแล้ว");
        (await page.Locator("[data-testid=measure-outcome]").TextContentAsync()).ShouldBe("บุคลากรทุกคนรับทราบหลักเกณฑ์การประเมินผลการปฏิบัติงาน (ปรับปรุงในการทดสอบ)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "measure-details.png"), FullPage = true });

        await page.Locator("[data-testid=user-menu]").ClickAsync();
        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in");
        await page.GotoAsync("/t/wiangha/measures");
        await page.WaitForURLAsync(new Regex("/account/sign-in\\?ReturnUrl="));
    }

    [Fact]
    public async Task Clerk_sees_thai_errors_beside_the_fields_of_a_bad_measure()
    {
        var page = await fixture.NewPageAsync();
        await SignInAsync(page, "clerk@wiangha.demo");

        await page.GotoAsync("/t/wiangha/measures/new?year=2569");
        await page.Locator("[data-testid=field-steps]").FillAsync("ขั้นตอนเดียว");
        await page.Locator("[data-testid=field-link-url]").First.FillAsync("www.wiangha.go.th");
        await page.Locator("[data-testid=save-measure]").ClickAsync();

        (await page.Locator("[data-testid=error-title]").TextContentAsync()).ShouldBe("กรุณากรอกชื่อมาตรการ/แนวทาง");
        (await page.Locator("[data-testid=error-link-url]").First.TextContentAsync())!.ShouldContain("http:// หรือ https://");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PlatformProcess.ArtifactsDirectory, "measure-form-errors.png"), FullPage = true });
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("อีเมล").FillAsync(email);
        await page.GetByLabel("รหัสผ่าน").FillAsync("Demo-WiangHa-2569");
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await page.WaitForURLAsync("**/t/**");
    }
}
