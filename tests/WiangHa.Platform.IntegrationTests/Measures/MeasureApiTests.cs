using System.Net;
using System.Text;
using System.Text.Json;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Measures;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.IntegrationTests.Tenancy;

namespace WiangHa.Platform.IntegrationTests.Measures;

public sealed class MeasureApiTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task Create_read_update_delete_round_trip()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var url = $"/api/v1/t/{tenant.Slug}/measures";
        var input = MeasureInputs.Valid() with { ResponsibleUnitIds = [tenant.UnitIds[1], tenant.UnitIds[0]] };

        var created = await client.SendJsonAsync(HttpMethod.Post, url, input);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var measure = await BrowserlessClient.ReadJsonAsync<MeasureView>(created);
        created.Headers.Location!.ToString().ShouldBe($"{url}/{measure.Id}");
        measure.Number.ShouldBe(1);
        measure.Title.ShouldBe(input.Title);
        measure.Steps.ShouldBe(input.Steps!);
        measure.ResponsibleUnits.Select(u => u.Name).ShouldBe(["สำนักปลัด", "กองคลัง"]);
        measure.PeriodFrom.ShouldBe(new MonthRef(2567, 10));
        measure.PeriodTo.ShouldBe(new MonthRef(2568, 9));
        measure.EvidenceLinks.Single().Url.ShouldBe("https://wiangha.go.th/complaints");

        var read = await client.Http.GetAsync($"{url}/{measure.Id}");
        read.Headers.ETag!.Tag.ShouldBe($"\"{measure.Version:N}\"");

        var changed = input with { Outcome = "ผลลัพธ์ใหม่", EvidenceLinks = [] };
        var updated = await client.SendJsonAsync(HttpMethod.Put, $"{url}/{measure.Id}", changed, ifMatch: read.Headers.ETag.Tag);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await BrowserlessClient.ReadJsonAsync<MeasureView>(updated);
        after.Outcome.ShouldBe("ผลลัพธ์ใหม่");
        after.EvidenceLinks.ShouldBeEmpty();
        after.Version.ShouldNotBe(measure.Version);

        (await client.SendJsonAsync(HttpMethod.Delete, $"{url}/{measure.Id}", ifMatch: updated.Headers.ETag!.Tag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.Http.GetAsync($"{url}/{measure.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string, string> InvalidInputs => new()
    {
        { "empty title", "Title", "กรุณากรอกชื่อมาตรการ" },
        { "period end before start", "PeriodToMonth", "ระยะเวลาสิ้นสุดต้องไม่ก่อนระยะเวลาเริ่มต้น" },
        { "ftp url", "EvidenceLinks[0].Url", "http:// หรือ https://" },
        { "javascript url", "EvidenceLinks[0].Url", "http:// หรือ https://" },
        { "oversized title", "Title", "ยาวเกิน" },
        { "oversized outcome", "Outcome", "ยาวเกิน" },
        { "no steps", "Steps", "อย่างน้อย 1 ขั้นตอน" },
        { "month 13", "PeriodFromMonth", "กรุณาเลือกเดือน" },
        { "bad ita item", "ItaItems[0]", "2567/O35" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Invalid_create_gets_a_thai_validation_problem_and_saves_nothing(string breakage, string field, string message)
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var valid = MeasureInputs.Valid();
        var input = breakage switch
        {
            "empty title" => valid with { Title = "   " },
            "period end before start" => valid with { PeriodFromYear = 2568, PeriodFromMonth = 3, PeriodToYear = 2567, PeriodToMonth = 10 },
            "ftp url" => valid with { EvidenceLinks = [new EvidenceLinkInput("ftp://wiangha.go.th/x", "ไฟล์")] },
            "javascript url" => valid with { EvidenceLinks = [new EvidenceLinkInput("javascript:alert(1)", "ไฟล์")] },
            "oversized title" => valid with { Title = new string('ก', MeasureLimits.TitleMaxLength + 1) },
            "oversized outcome" => valid with { Outcome = new string('ข', MeasureLimits.OutcomeMaxLength + 1) },
            "no steps" => valid with { Steps = ["", "  "] },
            "month 13" => valid with { PeriodFromMonth = 13 },
            "bad ita item" => valid with { ItaItems = ["O35"] },
            _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
        };

        var response = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/t/{tenant.Slug}/measures", input);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue(problem.ToString());
        messages[0].GetString()!.ShouldContain(message);
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Stale_update_is_412_and_keeps_the_newer_edit()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var id = await factory.Data.CreateMeasureAsync(tenant);
        var first = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var second = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var url = $"/api/v1/t/{tenant.Slug}/measures/{id}";
        var etag = (await first.Http.GetAsync(url)).Headers.ETag!.Tag;

        var winner = await second.SendJsonAsync(HttpMethod.Put, url, MeasureInputs.Valid("ฉบับของผู้ดูแล"), ifMatch: etag);
        winner.StatusCode.ShouldBe(HttpStatusCode.OK);
        var loser = await first.SendJsonAsync(HttpMethod.Put, url, MeasureInputs.Valid("ฉบับที่ค้าง"), ifMatch: etag);

        loser.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await loser.Content.ReadAsStringAsync()).ShouldContain("มีผู้อื่นแก้ไข");
        var stored = await BrowserlessClient.ReadJsonAsync<MeasureView>(await first.Http.GetAsync(url));
        stored.Title.ShouldBe("ฉบับของผู้ดูแล");
        (await first.SendJsonAsync(HttpMethod.Delete, url, ifMatch: etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Null_entries_in_lists_are_ignored_not_a_500()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var body = System.Text.Json.JsonSerializer.Serialize(MeasureInputs.Valid(), BrowserlessClient.Json)
            .Replace("\"evidenceLinks\":[", "\"evidenceLinks\":[null,", StringComparison.Ordinal);

        var response = await client.Http.PostAsync($"/api/v1/t/{tenant.Slug}/measures", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await BrowserlessClient.ReadJsonAsync<MeasureView>(response)).EvidenceLinks.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Update_without_if_match_is_428()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var id = await factory.Data.CreateMeasureAsync(tenant);
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var response = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/t/{tenant.Slug}/measures/{id}", MeasureInputs.Valid());

        response.StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task Duplicate_submission_with_the_same_idempotency_key_creates_one_measure()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var key = Guid.NewGuid().ToString();
        var url = $"/api/v1/t/{tenant.Slug}/measures";

        var first = await client.SendJsonAsync(HttpMethod.Post, url, MeasureInputs.Valid(), idempotencyKey: key);
        var again = await client.SendJsonAsync(HttpMethod.Post, url, MeasureInputs.Valid(), idempotencyKey: key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("existingId").GetGuid().ShouldBe((await BrowserlessClient.ReadJsonAsync<MeasureView>(first)).Id);
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Same_title_twice_in_a_fiscal_year_is_refused()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var url = $"/api/v1/t/{tenant.Slug}/measures";

        (await client.SendJsonAsync(HttpMethod.Post, url, MeasureInputs.Valid())).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await client.SendJsonAsync(HttpMethod.Post, url, MeasureInputs.Valid());

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("มีมาตรการชื่อนี้แล้ว");
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"fiscalYear\": \"สองพัน\"}")]
    [InlineData("{\"status\": \"Exploded\"}")]
    public async Task Malformed_json_is_a_400_problem_not_a_500(string body)
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var response = await client.Http.PostAsync($"/api/v1/t/{tenant.Slug}/measures", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Viewer_can_read_but_not_write()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var id = await factory.Data.CreateMeasureAsync(tenant);
        var viewer = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);
        var url = $"/api/v1/t/{tenant.Slug}/measures";

        (await viewer.Http.GetAsync($"{url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.SendJsonAsync(HttpMethod.Post, url, MeasureInputs.Valid())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.SendJsonAsync(HttpMethod.Delete, $"{url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TenantIsolationApiTests.MeasuresOf(factory, tenant)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task List_filters_by_fiscal_year_and_rejects_an_implausible_year()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateMeasureAsync(tenant, "ปี 2566", 2566);
        await factory.Data.CreateMeasureAsync(tenant, "ปี 2567", 2567);
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);
        var url = $"/api/v1/t/{tenant.Slug}/measures";

        var only2567 = await BrowserlessClient.ReadJsonAsync<List<MeasureView>>(await client.Http.GetAsync($"{url}?year=2567"));
        only2567.Select(m => m.Title).ShouldBe(["ปี 2567"]);
        (await client.Http.GetAsync($"{url}?year=2024")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Openapi_document_describes_the_measure_endpoints()
    {
        var json = await BrowserlessClient.Anonymous(factory).Http.GetStringAsync("/openapi/v1.json");
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        paths.TryGetProperty("/api/v1/t/{tenant}/measures", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/t/{tenant}/measures/{id}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/t/{tenant}/org-units", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_evidence_link_without_a_title_is_saved_through_the_api()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var client = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var input = MeasureInputs.Valid() with
        {
            ResponsibleUnitIds = [tenant.UnitIds[0]],
            EvidenceLinks = [new EvidenceLinkInput("https://wiangha.go.th/news/7", null), new EvidenceLinkInput("https://facebook.com/wiangha", "", EvidenceChannel.Facebook)],
        };

        var created = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/t/{tenant.Slug}/measures", input);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var measure = await BrowserlessClient.ReadJsonAsync<MeasureView>(created);
        measure.EvidenceLinks.Select(l => (l.Url, l.Title)).ShouldBe([("https://wiangha.go.th/news/7", (string?)null), ("https://facebook.com/wiangha", null)]);
        measure.EvidenceLinks.Select(l => l.Label).ShouldBe(["ลิงก์ที่ wiangha.go.th", "ลิงก์ที่ facebook.com"]);
    }
}
