using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Alerts;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.IntegrationTests.Reports;

namespace WiangHa.Platform.IntegrationTests.Audit;

/// <summary>
/// Issue 11, item 6: every change that goes into ITAS or makes something public, and every refused cross-tenant
/// attempt, leaves one entry, written with the change, and the audit pages say it in Thai.
/// </summary>
public sealed class AuditCoverageTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private static string Disclosures(TestTenant t) => $"/api/v1/t/{t.Slug}/compliance/disclosures";

    [Fact]
    public async Task Every_change_of_a_disclosure_is_recorded_once_and_refused_changes_leave_nothing()
    {
        var a = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        var saved = await editor.SendJsonAsync(HttpMethod.Put, Disclosures(a), new { assessmentYear = 2567, itemCode = "O1", answer = "Yes", urls = new[] { "https://lao.example/structure" } }, ifNoneMatch: "*");
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var id = (await BrowserlessClient.ReadJsonAsync<DisclosureRow>(saved)).Id;
        var url = $"{Disclosures(a)}/{id}";
        var etag = saved.Headers.ETag!.Tag;
        // Refused before anything is written: a bad link, and an edit over a stale version.
        (await editor.SendJsonAsync(HttpMethod.Put, url, new { answer = "Yes", urls = new[] { "javascript:alert(1)" } }, ifMatch: etag)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var changed = await editor.SendJsonAsync(HttpMethod.Put, url, new { answer = "No", urls = Array.Empty<string>(), explanation = "ไม่มีโครงสร้างใหม่" }, ifMatch: etag);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await editor.SendJsonAsync(HttpMethod.Delete, url, ifMatch: etag)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await editor.SendJsonAsync(HttpMethod.Delete, url, ifMatch: changed.Headers.ETag!.Tag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var entries = await EntriesAsync(a.Id, "item-disclosure.");
        entries.Select(e => e.Action).ShouldBe(["item-disclosure.added", "item-disclosure.modified", "item-disclosure.deleted"]);
        entries.ShouldAllBe(e => e.SubjectId == id.ToString() && e.ActorUserId == a.Editor.Id);

        var rows = Rows(await AdminPageAsync(a, "?action=item-disclosure."));
        rows.Select(r => r.What).ShouldBe(["ลบคำตอบข้อ O1", "ตอบข้อ O1 ว่า ไม่มี", "ตอบข้อ O1 ว่า มี"]);
        rows.ShouldAllBe(r => r.Who.Contains($"Editor {a.Slug}") && r.Record == "ข้อ O1 (การประเมินปี 2567)");
        rows[1].Changes.ShouldContain("คำตอบ: มี → ไม่มี");
        rows[1].Changes.ShouldContain("ลิงก์ของข้อมูล: https://lao.example/structure → —");
        rows[1].Changes.ShouldContain("คำอธิบาย: — → ไม่มีโครงสร้างใหม่");
        rows.ShouldAllBe(r => !r.Text.Contains(id.ToString()));
    }

    [Fact]
    public async Task Publishing_a_year_and_saving_its_analysis_are_recorded_and_an_invalid_analysis_is_not()
    {
        var a = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        await SavePublicationAsync(editor, a, published: true);
        await SavePublicationAsync(editor, a, published: false);
        var analysis = $"/t/{a.Slug}/reports/2566/analysis";
        (await editor.PostFormAsync(analysis, [new("Form.PreviousScore", "120")])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await editor.PostFormAsync(analysis, [new("Form.PreviousScore", "87.5"), new("Form.UrgentWeaknesses", "ช่องทางร้องเรียนไม่ชัดเจน")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await EntriesAsync(a.Id, "report.")).Select(e => e.Action).ShouldBe([AuditActions.ReportPublished, AuditActions.ReportUnpublished]);
        (await EntriesAsync(a.Id, "assessment-analysis.")).Count.ShouldBe(1);
        var rows = Rows(await AdminPageAsync(a));
        var published = rows.Single(r => r.Action == AuditActions.ReportPublished);
        published.What.ShouldBe("เผยแพร่รายงาน ITA ต่อสาธารณะ");
        published.Record.ShouldBe("ปีงบประมาณ 2566");
        published.Changes.ShouldContain("เผยแพร่ต่อสาธารณะ: — → ใช่");
        rows.Single(r => r.Action == AuditActions.ReportUnpublished).Changes.ShouldBe(["เผยแพร่ต่อสาธารณะ: ใช่ → ไม่ใช่"]);
        var saved = rows.Single(r => r.Action == "assessment-analysis.added");
        saved.What.ShouldBe("บันทึกการวิเคราะห์ผลการประเมิน");
        saved.Changes.ShouldContain("คะแนน ITA ปีก่อน: — → 87.5");
        saved.Changes.ShouldContain("ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน: — → ช่องทางร้องเรียนไม่ชัดเจน");
    }

    [Fact]
    public async Task Confirming_a_report_import_is_recorded_with_the_measures_it_created()
    {
        var a = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        await editor.ImportSeedAsync(a);

        var confirmed = (await EntriesAsync(a.Id, AuditActions.ReportImportConfirmed)).ShouldHaveSingleItem();
        var measures = await factory.MeasuresAsync(a, 2566);
        (await EntriesAsync(a.Id, "measure.added")).Count.ShouldBe(measures.Count);
        var row = Rows(await AdminPageAsync(a, "?action=report-import.")).ShouldHaveSingleItem();
        row.What.ShouldBe("ยืนยันการนำเข้ามาตรการจากไฟล์รายงาน");
        row.Record.ShouldBe("wiangha-2566-report.txt (ปีงบประมาณ 2566)");
        row.Changes.ShouldContain($"มาตรการที่สร้าง: 0 → {measures.Count}");
        confirmed.ActorUserId.ShouldBe(a.Editor.Id);
    }

    [Fact]
    public async Task Operators_importing_and_publishing_a_manual_and_suspending_an_lao_are_recorded()
    {
        var a = await factory.Data.CreateTenantAsync();
        var operatorClient = await OperatorAlerts.OperatorAsync(factory);
        string document;
        await using (var scope = factory.Scope())
        {
            document = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ItaManualVersions
                .Where(v => v.Year == 2568).OrderBy(v => v.Number).Select(v => v.Document).FirstAsync();
        }

        var imported = await UploadManualAsync(operatorClient, "ita-2568-correction.json", Encoding.UTF8.GetBytes(document));
        imported.StatusCode.ShouldBe(HttpStatusCode.Redirect, await imported.Content.ReadAsStringAsync());
        var versionUrl = imported.Headers.Location!.OriginalString;
        // Publishing goes through its confirmation page.
        (await operatorClient.PostFormAsync(versionUrl + "/publish", [], versionUrl + "/publish")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = (await operatorClient.GetPageAsync($"/operator?search={a.Slug}"))
            .QuerySelector($"[data-testid=organisation][data-slug='{a.Slug}'] input[name=id]")!.GetAttribute("value")!;
        (await operatorClient.PostFormAsync("/operator?handler=Suspend", [new("id", row)], "/operator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await operatorClient.PostFormAsync("/operator?handler=Reactivate", [new("id", row)], "/operator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var manuals = Rows(await operatorClient.GetPageAsync("/operator/audit?action=ita-manual.")).Where(r => r.Text.Contains("ita-2568-correction.json") || r.Action == AuditActions.ItaManualPublished).Take(2).ToList();
        manuals.Select(r => r.What).ShouldBe(["เผยแพร่คู่มือ ITA", "นำเข้าคู่มือ ITA (ฉบับร่าง)"]);
        manuals.ShouldAllBe(r => r.Record.StartsWith("ฉบับที่ ") && r.Record.EndsWith("(คู่มือปี 2568)"));
        manuals[0].Changes.ShouldBe(["สถานะ: ร่าง → เผยแพร่แล้ว"]);
        var status = Rows(await operatorClient.GetPageAsync("/operator/audit?action=organisation.")).Where(r => r.Record == a.Name).ToList();
        status.Select(r => r.What).ShouldBe(["เปิดใช้งานหน่วยงานอีกครั้ง", "ระงับการใช้งานหน่วยงาน"]);
        status[1].Changes.ShouldBe(["สถานะ: ใช้งาน → ระงับการใช้งาน"]);
        // The LAO's admins see what was done to their LAO.
        Rows(await AdminPageAsync(a, "?action=organisation.")).Select(r => r.Action).ShouldBe([AuditActions.OrganisationReactivated, AuditActions.OrganisationSuspended]);
    }

    [Fact]
    public async Task Asking_for_another_laos_slug_is_recorded_against_that_lao_once_a_minute()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        StartOfNextMinute();

        foreach (var path in new[] { $"/t/{b.Slug}/measures", $"/t/{b.Slug}/audit", $"/api/v1/t/{b.Slug}/measures", $"/t/{b.Slug}/measures" })
        {
            (await editor.Http.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await editor.Http.GetAsync("/t/no-such-lao-anywhere/measures")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await BrowserlessClient.Anonymous(factory).Http.GetAsync($"/t/{b.Slug}/measures")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await RefusalsByAsync(a.Editor)).ShouldHaveSingleItem().TenantId.ShouldBe(b.Id);

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await editor.Http.GetAsync($"/api/v1/t/{b.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RefusalsByAsync(a.Editor)).Count.ShouldBe(2);

        var rows = Rows(await AdminPageAsync(b, "?action=access.refused"));
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.What == "ขอเข้าถึงข้อมูลของหน่วยงานที่ตนไม่ได้เป็นสมาชิก (ถูกปฏิเสธ)" && r.Who.Contains($"Editor {a.Slug}"));
        rows[0].Record.ShouldBe($"{b.Name} · GET /api/v1/t/{b.Slug}/measures");
        rows[1].Record.ShouldBe($"{b.Name} · GET /t/{b.Slug}/measures");
        Rows(await AdminPageAsync(a, "?action=access.")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Asking_for_another_laos_id_inside_ones_own_is_recorded_and_a_missing_id_is_not()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var bMeasure = await factory.Data.CreateMeasureAsync(b, "มาตรการของ B");
        var bDisclosure = await factory.Data.CreateDisclosureAsync(b, 2567, "O2", "https://b.example/");
        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        var viewer = await BrowserlessClient.SignedInAsync(factory, a.Viewer);
        StartOfNextMinute();

        (await editor.Http.GetAsync($"/api/v1/t/{a.Slug}/measures/{Guid.CreateVersion7()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RefusalsByAsync(a.Editor)).ShouldBeEmpty();
        (await editor.Http.GetAsync($"/api/v1/t/{a.Slug}/measures/{bMeasure}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await editor.Http.GetAsync($"/t/{a.Slug}/measures/{bMeasure}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await viewer.Http.GetAsync($"{Disclosures(a)}/{bDisclosure}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var refused = (await RefusalsByAsync(a.Editor)).ShouldHaveSingleItem();
        refused.TenantId.ShouldBe(b.Id);
        refused.Details!.ShouldContain($"/api/v1/t/{a.Slug}/measures/{bMeasure}");
        (await RefusalsByAsync(a.Viewer)).ShouldHaveSingleItem().Details!.ShouldContain($"/compliance/disclosures/{bDisclosure}");
        (await EntriesAsync(a.Id, AuditActions.AccessRefused)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_trail_is_paged_filtered_by_kind_person_and_buddhist_era_days_and_never_shows_another_lao()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, a.Admin);
        for (var i = 1; i <= AuditTrailQueries.PageSize + 2; i++)
        {
            (await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/t/{a.Slug}/org-units", new { name = $"กองทดสอบ {i}", sortOrder = i })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        (await editor.SendJsonAsync(HttpMethod.Put, Disclosures(a), new { assessmentYear = 2567, itemCode = "O1", answer = "No" }, ifNoneMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var bEditor = await BrowserlessClient.SignedInAsync(factory, b.Editor);
        (await bEditor.SendJsonAsync(HttpMethod.Put, Disclosures(b), new { assessmentYear = 2567, itemCode = "O1", answer = "No" }, ifNoneMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var own = (await EntriesAsync(a.Id, "")).Count;

        var first = await AdminPageAsync(a);
        Rows(first).Count.ShouldBe(AuditTrailQueries.PageSize);
        first.QuerySelector("[data-testid=audit-count]")!.TextContent.ShouldContain($"{own} รายการ");
        var older = first.QuerySelector("[data-testid=audit-older]")!.GetAttribute("href")!;
        var second = Rows(await AdminPageAsync(a, older));
        second.Count.ShouldBe(own - AuditTrailQueries.PageSize);
        second.ShouldContain(r => r.What == "เพิ่มส่วนราชการ" && r.Record == "กองทดสอบ 1");

        Rows(await AdminPageAsync(a, "?action=org-unit.")).Count.ShouldBe(AuditTrailQueries.PageSize);
        Rows(await AdminPageAsync(a, $"?person={a.Editor.Id}")).ShouldHaveSingleItem().What.ShouldBe("ตอบข้อ O1 ว่า ไม่มี");
        Rows(await AdminPageAsync(a, $"?person={a.Admin.Id}&action=org-unit.&page=2")).Count.ShouldBe(2);
        // The pinned clock is 1 December 2026, 10:00 in Bangkok: 1/12/2569.
        Rows(await AdminPageAsync(a, $"?person={a.Editor.Id}&from=1/12/2569&to=๑/๑๒/๒๕๖๙")).Count.ShouldBe(1);
        Rows(await AdminPageAsync(a, $"?person={a.Editor.Id}&from=2/12/2569")).ShouldBeEmpty();
        Rows(await AdminPageAsync(a, $"?person={a.Editor.Id}&to=30/11/2569")).ShouldBeEmpty();
        var wrongDate = await AdminPageAsync(a, "?from=2026-12-01");
        wrongDate.QuerySelector("[data-testid=from-error]")!.TextContent.ShouldContain("ปีเป็น พ.ศ.");
        Rows(wrongDate).ShouldBeEmpty();

        // Isolation: B's disclosure and B's people never appear in A's trail, whatever the filter says.
        Rows(await AdminPageAsync(a, $"?person={b.Editor.Id}")).ShouldBeEmpty();
        (await AdminPageAsync(a, "?action=item-disclosure.")).Body!.TextContent.ShouldNotContain(b.Slug);
        Rows(await AdminPageAsync(b, "?action=item-disclosure.")).ShouldHaveSingleItem().Who.ShouldContain($"Editor {b.Slug}");
    }

    [Fact]
    public async Task The_page_speaks_english_when_the_user_chose_it()
    {
        var a = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        (await editor.SendJsonAsync(HttpMethod.Put, Disclosures(a), new { assessmentYear = 2567, itemCode = "O3", answer = "No" }, ifNoneMatch: "*")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var row = Rows(await AdminPageAsync(a, "?culture=en-US&ui-culture=en-US&action=item-disclosure.")).ShouldHaveSingleItem();

        row.What.ShouldBe("Answered O3: No");
        row.Record.ShouldBe("item O3 (assessment 2567)");
    }

    [Fact]
    public async Task An_entry_is_written_in_the_transaction_of_its_change_and_seeding_writes_none()
    {
        var a = await factory.Data.CreateTenantAsync();
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(a.Info))
        {
            // Two answers to the same item: the unique index refuses the save, and the entries go with it.
            db.ItemDisclosures.Add(new ItemDisclosure { AssessmentYear = 2567, ItemCode = "O4", Answer = DisclosureAnswer.No });
            db.ItemDisclosures.Add(new ItemDisclosure { AssessmentYear = 2567, ItemCode = "O4", Answer = DisclosureAnswer.No });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            (await EntriesAsync(a.Id, "item-disclosure.")).ShouldBeEmpty();

            using (AuditSeeding.Skip())
            {
                db.ItemDisclosures.Add(new ItemDisclosure { AssessmentYear = 2567, ItemCode = "O4", Answer = DisclosureAnswer.No });
                await db.SaveChangesAsync();
            }

            (await EntriesAsync(a.Id, "item-disclosure.")).ShouldBeEmpty();
            db.ItemDisclosures.Add(new ItemDisclosure { AssessmentYear = 2567, ItemCode = "O5", Answer = DisclosureAnswer.No });
            await db.SaveChangesAsync();
            (await EntriesAsync(a.Id, "item-disclosure.")).ShouldHaveSingleItem().ActorName.ShouldBe("system");
        }
    }

    private sealed record DisclosureRow(Guid Id);

    private sealed record Row(string Action, string Who, string What, string Record, IReadOnlyList<string> Changes, string Text);

    private static List<Row> Rows(IHtmlDocument page) =>
    [
        .. page.QuerySelectorAll("[data-testid=audit-event]").Select(e => new Row(
            e.GetAttribute("data-action")!,
            e.QuerySelector("[data-testid=audit-who]")!.TextContent.Trim(),
            e.QuerySelector("[data-testid=audit-what]")!.TextContent.Trim(),
            e.QuerySelector("[data-testid=audit-record]")!.TextContent.Trim(),
            [.. e.QuerySelectorAll("[data-testid=audit-change]").Select(c => $"{c.GetAttribute("data-field")}: {c.TextContent.Trim()}")],
            e.TextContent)),
    ];

    private async Task<IHtmlDocument> AdminPageAsync(TestTenant tenant, string query = "") =>
        await (await BrowserlessClient.SignedInAsync(factory, tenant.Admin)).GetPageAsync($"/t/{tenant.Slug}/audit{query}");

    private async Task<List<AuditEvent>> EntriesAsync(Guid tenantId, string actionPrefix)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.TenantId == tenantId && e.Action.StartsWith(actionPrefix)).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<List<AuditEvent>> RefusalsByAsync(TestUser user)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.ActorUserId == user.Id && e.Action == AuditActions.AccessRefused).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Moves the (forward-only) clock to the start of the next minute, so a test's requests share one.</summary>
    private void StartOfNextMinute()
    {
        var now = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromSeconds(60 - now.Second) - TimeSpan.FromMilliseconds(now.Millisecond));
    }

    private static async Task SavePublicationAsync(BrowserlessClient editor, TestTenant tenant, bool published)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Publication.RoundMonths", "12"), new("Publication.PublishResults", "true") };
        if (published)
        {
            fields.Add(new("Publication.IsPublished", "true"));
        }

        (await editor.PostFormAsync($"/t/{tenant.Slug}/reports?handler=Publication&year=2566", fields, $"/t/{tenant.Slug}/reports?year=2566"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task<HttpResponseMessage> UploadManualAsync(BrowserlessClient client, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync("/operator/ita-manuals")), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await client.Http.PostAsync("/operator/ita-manuals?handler=Import", form);
    }
}
