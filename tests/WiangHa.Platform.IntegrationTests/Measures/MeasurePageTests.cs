using System.Net;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.IntegrationTests.Tenancy;

namespace WiangHa.Platform.IntegrationTests.Measures;

/// <summary>The Razor pages of the catalogue, driven through real forms (antiforgery, model binding, redirects).</summary>
public sealed class MeasurePageTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Clerk_creates_a_measure_through_the_form_and_sees_it_listed()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var newPage = $"/t/{tenant.Slug}/measures/new?year=2568";
        var form = BrowserlessClient.FormValues(await client.GetPageAsync(newPage))
            .With("Form.Title", "จัดทำคู่มือการปฏิบัติงานและเผยแพร่")
            .With("Form.StepsText", "๑. จัดทำคู่มือ\n2) เผยแพร่บนเว็บไซต์\n\n")
            .With("Form.ResultPointsText", "เผยแพร่แล้ว")
            .With("Form.ResponsibleUnitIds", tenant.UnitIds[2].ToString())
            .With("Form.EvidenceLinks[0].Url", "https://wiangha.go.th/manual")
            .With("Form.EvidenceLinks[0].Title", "คู่มือการปฏิบัติงาน");

        var response = await client.PostFormAsync(newPage, form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await client.GetPageAsync(response.Headers.Location!.ToString());
        details.QuerySelector("[data-testid=measure-heading]")!.TextContent.ShouldBe("1. จัดทำคู่มือการปฏิบัติงานและเผยแพร่");
        details.QuerySelectorAll("[data-testid=measure-steps] li").Select(li => li.TextContent).ShouldBe(["จัดทำคู่มือ", "เผยแพร่บนเว็บไซต์"]);
        details.QuerySelector("[data-testid=measure-units]")!.TextContent.ShouldBe("กองช่าง");
        details.QuerySelector("[data-testid=measure-period]")!.TextContent.ShouldBe("ตุลาคม 2567 ถึง กันยายน 2568");
        var list = await client.GetPageAsync($"/t/{tenant.Slug}/measures?year=2568");
        list.QuerySelectorAll("[data-testid=measure-title]").Select(a => a.TextContent).ShouldBe(["จัดทำคู่มือการปฏิบัติงานและเผยแพร่"]);
    }

    [Fact]
    public async Task Invalid_form_shows_thai_messages_beside_the_fields_and_saves_nothing()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var newPage = $"/t/{tenant.Slug}/measures/new?year=2568";
        var form = BrowserlessClient.FormValues(await client.GetPageAsync(newPage))
            .With("Form.Title", "")
            .With("Form.StepsText", "ขั้นตอนเดียว")
            .With("Form.PeriodFromYear", "2568").With("Form.PeriodFromMonth", "6")
            .With("Form.PeriodToYear", "2568").With("Form.PeriodToMonth", "1")
            .With("Form.EvidenceLinks[0].Url", "ftp://files.example/x")
            .With("Form.EvidenceLinks[0].Title", "ไฟล์");

        var response = await client.PostFormAsync(newPage, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=error-title]")!.TextContent.ShouldBe("กรุณากรอกชื่อมาตรการ/แนวทาง");
        page.QuerySelector("[data-testid=error-period]")!.TextContent.ShouldBe("ระยะเวลาสิ้นสุดต้องไม่ก่อนระยะเวลาเริ่มต้น");
        page.QuerySelector("[data-testid=error-link-url]")!.TextContent.ShouldContain("http:// หรือ https://");
        // What the clerk typed is kept.
        page.QuerySelector("[data-testid=field-steps]")!.TextContent.ShouldContain("ขั้นตอนเดียว");
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Letters_in_a_number_field_get_a_thai_message_not_an_error_page()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var newPage = $"/t/{tenant.Slug}/measures/new?year=2568";
        var form = BrowserlessClient.FormValues(await client.GetPageAsync(newPage))
            .With("Form.Title", "มาตรการ").With("Form.StepsText", "ขั้นตอน").With("Form.FiscalYear", "สองห้าหกแปด");

        var response = await client.PostFormAsync(newPage, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("ปีงบประมาณต้องเป็นปี พ.ศ.");
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_forged_choice_gets_a_thai_message_and_saves_nothing()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var newPage = $"/t/{tenant.Slug}/measures/new?year=2568";
        var form = BrowserlessClient.FormValues(await client.GetPageAsync(newPage))
            .With("Form.Title", "มาตรการ").With("Form.StepsText", "ขั้นตอน").With("Form.Status", "77").With("Form.ResponsibleUnitIds", "zz");

        var response = await client.PostFormAsync(newPage, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("ค่าที่เลือกไม่ถูกต้อง");
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Submitting_the_same_new_form_twice_creates_one_measure()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var newPage = $"/t/{tenant.Slug}/measures/new?year=2568";
        var form = BrowserlessClient.FormValues(await client.GetPageAsync(newPage))
            .With("Form.Title", "ประกาศเจตจำนงสุจริต").With("Form.StepsText", "ผู้บริหารประกาศเจตจำนง");

        var first = await client.PostFormAsync(newPage, form);
        var second = await client.PostFormAsync(newPage, form);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        var shown = await client.GetPageAsync(second.Headers.Location!.ToString());
        shown.QuerySelector("[data-testid=flash]")!.TextContent.ShouldContain("ถูกบันทึกไปแล้ว");
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Stale_edit_shows_a_conflict_and_overwrites_nothing()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var id = await factory.Data.CreateMeasureAsync(tenant, "ชื่อเดิม");
        var clerk = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var editPage = $"/t/{tenant.Slug}/measures/{id}/edit";
        var clerkForm = BrowserlessClient.FormValues(await clerk.GetPageAsync(editPage));
        var adminForm = BrowserlessClient.FormValues(await admin.GetPageAsync(editPage));

        (await admin.PostFormAsync(editPage, adminForm.With("Form.Title", "ชื่อของผู้ดูแล"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await clerk.PostFormAsync(editPage, clerkForm.With("Form.Title", "ชื่อของเจ้าหน้าที่"));

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await stale.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=conflict]")!.TextContent.ShouldContain("มีผู้อื่นแก้ไขมาตรการนี้");
        page.QuerySelector("[data-testid=field-title]")!.TextContent.ShouldBe("ชื่อของเจ้าหน้าที่");
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).Single().Title.ShouldBe("ชื่อของผู้ดูแล");
    }

    [Fact]
    public async Task Viewer_sees_measures_but_gets_403_on_edit_pages()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var id = await factory.Data.CreateMeasureAsync(tenant);
        var viewer = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);

        var list = await viewer.GetPageAsync($"/t/{tenant.Slug}/measures?year=2566");
        list.QuerySelector("[data-testid=new-measure]").ShouldBeNull();
        (await viewer.Http.GetAsync($"/t/{tenant.Slug}/measures/{id}/edit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var denied = await viewer.Http.GetAsync($"/t/{tenant.Slug}/measures/new");
        denied.Headers.Location!.ToString().ShouldContain("/status/403");
    }

    [Fact]
    public async Task Delete_through_the_confirmation_page_removes_the_measure()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var id = await factory.Data.CreateMeasureAsync(tenant);
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var deletePage = $"/t/{tenant.Slug}/measures/{id}/delete";
        var version = (await client.GetPageAsync(deletePage)).QuerySelector("input[name=version]")!.GetAttribute("value")!;

        var response = await client.PostFormAsync(deletePage, [new("version", version)]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_evidence_link_needs_no_title_and_is_shown_by_its_site()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var newPage = $"/t/{tenant.Slug}/measures/new?year=2568";
        var form = BrowserlessClient.FormValues(await client.GetPageAsync(newPage))
            .With("Form.Title", "เผยแพร่ข่าวการจัดซื้อจัดจ้าง")
            .With("Form.StepsText", "เผยแพร่บนเว็บไซต์")
            .With("Form.ResponsibleUnitIds", tenant.UnitIds[0].ToString())
            .With("Form.EvidenceLinks[0].Url", "https://www.wiangha.go.th/news/7")
            .With("Form.EvidenceLinks[0].Title", "  ");

        var response = await client.PostFormAsync(newPage, form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = (await client.GetPageAsync(response.Headers.Location!.ToString())).QuerySelector("[data-testid=evidence-link]")!;
        link.TextContent.ShouldBe("ลิงก์ที่ www.wiangha.go.th");
        link.GetAttribute("href").ShouldBe("https://www.wiangha.go.th/news/7");
    }
}
