using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using static WiangHa.Platform.IntegrationTests.Alerts.OperatorAlerts;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>
/// The operators' alert pages through the real app: who may open them, the ITA calendar editor (years 2571 and 2572,
/// which nothing else here reads), the lead-times form and the outbox with its retries.
/// </summary>
public sealed class OperatorAlertPagesTests(ChannelsPlatformFactory factory) : IClassFixture<ChannelsPlatformFactory>
{
    private static readonly string[] Pages = ["/operator/alerts", "/operator/alerts/milestones?year=2571", "/operator/alerts/policy"];

    private static PlatformDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<PlatformDbContext>();

    [Fact]
    public async Task Only_operators_open_the_alert_pages_and_post_their_forms()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var callers = new[]
        {
            await BrowserlessClient.SignedInAsync(factory, tenant.Admin),
            await SupervisorAsync(factory, PlatformRoles.ProvincialSupervisor, "57"),
            await SupervisorAsync(factory, PlatformRoles.NationalSupervisor),
        };
        foreach (var client in callers)
        {
            foreach (var page in Pages)
            {
                (await client.Http.GetAsync(page)).ShouldBeRedirectTo("/status/403");
            }

            (await client.PostFormAsync("/operator/alerts/policy", [new("Input.LeadDays", "5")], "/account/sign-in")).ShouldBeRedirectTo("/status/403");
        }

        (await BrowserlessClient.Anonymous(factory).Http.GetAsync("/operator/alerts")).ShouldBeRedirectTo("/account/sign-in");

        var operatorClient = await OperatorAsync(factory);
        foreach (var page in Pages)
        {
            var document = await operatorClient.GetPageAsync(page);
            document.QuerySelector("[data-testid=nav-alerts]")!.TextContent.ShouldBe("การแจ้งเตือน");
            document.QuerySelector("[data-testid=alerts-nav]").ShouldNotBeNull();
        }

        await using var scope = factory.Scope();
        (await Db(scope).AlertPolicies.AnyAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_saved_calendar_round_trips_and_confirmed_steps_are_no_longer_provisional()
    {
        var client = await OperatorAsync(factory);
        var before = await client.GetPageAsync("/operator/alerts/milestones?year=2571");
        before.QuerySelectorAll("[data-testid=milestone]").Select(r => r.GetAttribute("data-key"))
            .ShouldBe(["registration", "oit-open", "oit-close", "clarification", "results"]);
        before.QuerySelectorAll("[data-testid=milestone] [data-testid=provisional]").Length.ShouldBe(5);
        before.QuerySelector("[data-testid=milestone][data-key=oit-close] [data-testid=be-date]")!.TextContent.ShouldContain("30 เม.ย. 2571");
        before.QuerySelectorAll("#year option").Select(o => o.GetAttribute("value")).ShouldContain("2570");

        var saved = await PostCalendarAsync(client, 2571, f => f
            .Date("registration", "2028-01-10").Confirmed("registration")
            .Date("oit-close", "2028-05-15").Confirmed("oit-close")
            .Confirmed("oit-open").Confirmed("clarification")
            .With("Input.Steps[0].NameTh", "ลงทะเบียนในระบบ ITAS ปี 2571")
            .With("Input.Steps[0].NameEn", "ITAS registration 2571"));
        saved.ShouldBeRedirectTo("/operator/alerts/milestones?year=2571");

        var after = await client.GetPageAsync("/operator/alerts/milestones?year=2571");
        after.QuerySelector("input[name='Input.Steps[0].Date']")!.GetAttribute("value").ShouldBe("2028-01-10");
        after.QuerySelector("input[name='Input.Steps[0].NameTh']")!.GetAttribute("value").ShouldBe("ลงทะเบียนในระบบ ITAS ปี 2571");
        after.QuerySelector("[data-testid=milestone][data-key=registration] [data-testid=be-date]")!.TextContent.ShouldContain("10 ม.ค. 2571");
        after.QuerySelector("[data-testid=milestone][data-key=oit-close] [data-testid=be-date]")!.TextContent.ShouldContain("15 พ.ค. 2571");
        // Only the step left unticked is still an estimate.
        after.QuerySelectorAll("[data-testid=milestone] [data-testid=provisional]").Length.ShouldBe(1);
        after.QuerySelector("[data-testid=milestone][data-key=results] [data-testid=provisional]")!.TextContent.ShouldBe("ประมาณการ");
        after.QuerySelector("input[name='Input.Steps[0].Confirmed']")!.HasAttribute("checked").ShouldBeTrue();

        await using var scope = factory.Scope();
        var stored = await Db(scope).AssessmentMilestones.AsNoTracking().Where(m => m.AssessmentYear == 2571).ToDictionaryAsync(m => m.Key);
        stored.Count.ShouldBe(5);
        stored["registration"].Date.ShouldBe(new DateOnly(2028, 1, 10));
        stored["registration"].Provisional.ShouldBeFalse();
        stored["results"].Provisional.ShouldBeTrue();
        (await Db(scope).Set<AuditEvent>().AnyAsync(e => e.Action == AuditActions.MilestonesSaved && e.SubjectId == "2571")).ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_or_out_of_order_dates_come_back_beside_their_fields_and_nothing_is_stored()
    {
        var client = await OperatorAsync(factory);
        var response = await PostCalendarAsync(client, 2572, f => f
            .Date("oit-open", "2029-02-30")
            .Date("clarification", "2029-04-01")
            .Date("results", "2031-08-01")
            .With("Input.Steps[1].NameTh", ""));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        DateError(page, "oit-open").ShouldBe("วันที่ไม่ถูกต้อง");
        DateError(page, "clarification").ShouldBe("ต้องไม่ก่อนวันปิดตอบแบบ OIT (30 เม.ย. 2572)");
        DateError(page, "results").ShouldBe("วันที่ต้องอยู่ระหว่างปี พ.ศ. 2571 ถึง 2573 (ปฏิทิน ITA 2572)");
        DateError(page, "registration").ShouldBeNullOrEmpty();
        page.QuerySelector("[data-testid=milestone][data-key=oit-open]")!.TextContent.ShouldContain("กรุณากรอกชื่อขั้นตอน (ไทย)");
        // The form keeps what was typed.
        page.QuerySelector("input[name='Input.Steps[3].Date']")!.GetAttribute("value").ShouldBe("2029-04-01");

        // The answer window must open before it closes; the other steps may share a day.
        var sameDay = await PostCalendarAsync(client, 2572, f => f.Date("oit-close", "2029-03-01").Date("clarification", "2029-03-01"));
        sameDay.StatusCode.ShouldBe(HttpStatusCode.OK);
        var samePage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await sameDay.Content.ReadAsStringAsync());
        DateError(samePage, "oit-close").ShouldBe("ต้องอยู่หลังวันเปิดตอบแบบ OIT (1 มี.ค. 2572)");
        DateError(samePage, "clarification").ShouldBeNullOrEmpty();

        var empty = await PostCalendarAsync(client, 2572, f => f.Date("registration", ""));
        DateError(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await empty.Content.ReadAsStringAsync()), "registration").ShouldBe("กรุณากรอกวันที่");

        await using var scope = factory.Scope();
        (await Db(scope).AssessmentMilestones.AnyAsync(m => m.AssessmentYear == 2572)).ShouldBeFalse();
    }

    [Fact]
    public async Task Lead_days_are_checked_with_Thai_messages_before_anything_is_stored()
    {
        var client = await OperatorAsync(factory);
        foreach (var (typed, message) in new[]
        {
            ("", "กรุณากรอกจำนวนวันล่วงหน้าอย่างน้อย 1 ค่า"),
            ("30 0 abc 121", "จำนวนวันต้องเป็นจำนวนเต็มระหว่าง 1 ถึง 120: 0 abc 121"),
            ("7 14 7", "มีจำนวนวันซ้ำกัน"),
            ("1 2 3 4 5 6 7 8 9 10 11", "กรอกได้ไม่เกิน 10 ค่า"),
        })
        {
            var response = await client.PostFormAsync("/operator/alerts/policy", [new("Input.LeadDays", typed), new("Input.Overdue", "true")]);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            page.QuerySelector("[data-testid=lead-days-error]")!.TextContent.ShouldStartWith(message);
            page.QuerySelector("input[name='Input.LeadDays']")!.GetAttribute("value").ShouldBe(typed);
        }

        await using (var scope = factory.Scope())
        {
            (await Db(scope).AlertPolicies.AnyAsync()).ShouldBeFalse();
        }

        var form = await client.GetPageAsync("/operator/alerts/policy");
        form.QuerySelector("input[name='Input.LeadDays']")!.GetAttribute("value").ShouldBe("30 14 7 3 1");
        (await client.PostFormAsync("/operator/alerts/policy", [new("Input.LeadDays", "7, 21  60")])).ShouldBeRedirectTo("/operator/alerts/policy");
        var saved = await client.GetPageAsync("/operator/alerts/policy");
        saved.QuerySelector("input[name='Input.LeadDays']")!.GetAttribute("value").ShouldBe("60 21 7");
        saved.QuerySelector("input[name='Input.Overdue']")!.HasAttribute("checked").ShouldBeFalse();
        await using (var scope = factory.Scope())
        {
            var policy = await Db(scope).AlertPolicies.AsNoTracking().SingleAsync();
            policy.Id.ShouldBe(1);
            policy.LeadDayList.ShouldBe([60, 21, 7]);
            policy.Overdue.ShouldBeFalse();
            (await Db(scope).Set<AuditEvent>().AnyAsync(e => e.Action == AuditActions.AlertPolicySaved)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task A_failed_alert_is_listed_with_its_reason_and_Retry_has_the_sender_deliver_it()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var failed = FailedMessage(tenant, AlertChannel.InApp, "", factory.Clock.GetUtcNow());
        await using (var scope = factory.Scope())
        {
            Db(scope).AlertMessages.Add(failed);
            await Db(scope).SaveChangesAsync();
        }

        var client = await OperatorAsync(factory);
        var page = await client.GetPageAsync($"/operator/alerts?state=Failed&q={Uri.EscapeDataString(tenant.Name)}");
        var rows = page.QuerySelectorAll("[data-testid=outbox-row]");
        rows.Length.ShouldBe(1);
        rows[0].GetAttribute("data-id").ShouldBe(failed.Id.ToString());
        rows[0].QuerySelector("[data-testid=last-error]")!.TextContent.ShouldBe("PermanentDeliveryException: ที่อยู่อีเมลไม่ถูกต้อง");
        rows[0].QuerySelector("[data-testid=recipient]")!.TextContent.ShouldBe(tenant.Admin.Email);
        rows[0].TextContent.ShouldContain(tenant.Name);
        rows[0].QuerySelector("[data-testid=attempts]")!.TextContent.ShouldBe(AlertMessage.MaxAttempts.ToString());
        // The body is previewed, but never the recipient's one-click preferences token.
        rows[0].QuerySelector("[data-testid=preview]")!.TextContent.ShouldContain("ยังไม่ผ่าน 3 ข้อ");
        page.Body!.InnerHtml.ShouldNotContain("SECRET-TOKEN-VALUE");
        int.Parse(page.QuerySelector("[data-testid=count-row][data-state=Failed] td[data-channel=InApp]")!.TextContent).ShouldBeGreaterThanOrEqualTo(1);

        (await client.PostFormAsync("/operator/alerts?handler=Retry", [new("id", failed.Id.ToString())], "/operator/alerts")).ShouldBeRedirectTo("/operator/alerts");
        var retried = await OutboxAsync(failed.Id);
        retried.State.ShouldBe(AlertState.Pending);
        retried.Attempts.ShouldBe(0);
        retried.NextAttemptAt.ShouldBeLessThanOrEqualTo(factory.Clock.GetUtcNow());

        // A second retry (another operator, a double click) finds it no longer failed and changes nothing.
        (await client.PostFormAsync("/operator/alerts?handler=Retry", [new("id", failed.Id.ToString())], "/operator/alerts")).ShouldBeRedirectTo("/operator/alerts");
        (await client.GetPageAsync("/operator/alerts")).Body!.TextContent.ShouldContain(RetryAlertHandler.NotFailedMessage);
        (await OutboxAsync(failed.Id)).NextAttemptAt.ShouldBe(retried.NextAttemptAt);
        (await client.PostFormAsync("/operator/alerts?handler=Retry", [new("id", Guid.NewGuid().ToString())], "/operator/alerts")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await factory.Services.GetRequiredService<SendAlerts>().RunAsync();
        var sent = await OutboxAsync(failed.Id);
        sent.State.ShouldBe(AlertState.Sent);
        sent.Attempts.ShouldBe(1);
        sent.LastError.ShouldBeNull();
        await using (var scope = factory.Scope())
        {
            (await Db(scope).Notifications.AnyAsync(n => n.Id == failed.Id && n.UserId == tenant.Admin.Id)).ShouldBeTrue();
            (await Db(scope).Set<AuditEvent>().AnyAsync(e => e.Action == AuditActions.AlertRetried && e.SubjectId == failed.Id.ToString())).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Retry_all_takes_back_only_the_failed_alerts_the_filter_matches()
    {
        var chosen = await factory.Data.CreateTenantAsync();
        var other = await factory.Data.CreateTenantAsync();
        var now = factory.Clock.GetUtcNow();
        var chosenEmail = FailedMessage(chosen, AlertChannel.Email, "ปลัด@@อบต", now);
        var chosenInApp = FailedMessage(chosen, AlertChannel.InApp, "", now);
        var otherEmail = FailedMessage(other, AlertChannel.Email, "ปลัด@@อบต", now);
        await using (var scope = factory.Scope())
        {
            Db(scope).AlertMessages.AddRange(chosenEmail, chosenInApp, otherEmail);
            await Db(scope).SaveChangesAsync();
        }

        var client = await OperatorAsync(factory);
        var filtered = await client.GetPageAsync($"/operator/alerts?state=Failed&channel=Email&q={Uri.EscapeDataString(chosen.Name)}");
        var fields = BrowserlessClient.FormValues(filtered, "form[data-testid=retry-all]");
        (await client.PostFormAsync("/operator/alerts?handler=RetryAll", fields)).ShouldBeRedirectTo("/operator/alerts");

        (await OutboxAsync(chosenEmail.Id)).State.ShouldBe(AlertState.Pending);
        (await OutboxAsync(chosenInApp.Id)).State.ShouldBe(AlertState.Failed);
        (await OutboxAsync(otherEmail.Id)).State.ShouldBe(AlertState.Failed);

        // The sender tries it with all its attempts ahead; the address is refused for good, and that shows again.
        await factory.Services.GetRequiredService<SendAlerts>().RunAsync();
        var again = await OutboxAsync(chosenEmail.Id);
        again.State.ShouldBe(AlertState.Failed);
        again.Attempts.ShouldBe(1);
        again.LastError.ShouldBe("PermanentDeliveryException: ที่อยู่อีเมลไม่ถูกต้อง");
    }

    private async Task<AlertMessage> OutboxAsync(Guid id)
    {
        await using var scope = factory.Scope();
        return await Db(scope).AlertMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
