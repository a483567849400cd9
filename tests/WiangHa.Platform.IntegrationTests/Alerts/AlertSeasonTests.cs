using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Dashboards;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.TestSupport;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>
/// The whole ITA 2570 season walked day by day on the controlled clock (from the pinned 1 December 2026 to August
/// 2027, the provisional calendar), each morning as the 08:00 job runs it (plan, then send): mail to a real SMTP
/// server, LINE pushes to a LINE-shaped receiver, webhooks to a receiver that checks their signatures. The 2570 manual
/// is not published, so LAOs are checked against 2569's, as they are today. One LAO ready, one at risk with a measure
/// ending in March and its own LINE account and webhook, one never checked; the province's supervisor, who connected
/// the province's LINE account and webhook, and a supervisor of another province. Counted at the end: who got what,
/// per channel, and that nothing doubled or went missing; the counts and one message per channel are written to
/// <c>artifacts/alerts/</c>.
/// </summary>
public sealed class AlertSeasonTests(ChannelsPlatformFactory factory) : IClassFixture<ChannelsPlatformFactory>
{
    private const int Season = 2570;
    private static readonly DateOnly SeasonStart = new(2026, 12, 2);
    private static readonly DateOnly SeasonEnd = new(2027, 8, 10);

    private static TestLao Lao(TestTenant tenant) => new(tenant.Id, tenant.Slug, tenant.Name, "57", null);

    private static DateTimeOffset MorningOf(DateOnly day) => AlertMornings.MorningOf(day);

    [Fact]
    public async Task A_season_alerts_the_at_risk_and_not_started_laos_at_every_lead_time_and_escalates_to_their_province_only()
    {
        var data = new DashboardTestData(factory);
        var ready = await factory.Data.CreateTenantAsync("อบต.พร้อม");
        var atRisk = await factory.Data.CreateTenantAsync("อบต.เสี่ยง");
        var notStarted = await factory.Data.CreateTenantAsync("อบต.ยังไม่เริ่ม");
        await data.DiscloseAsync(Lao(ready), [.. DashboardTestData.DisclosureItems, "O26"]);
        await data.AddReportedMeasureAsync(Lao(ready), MeasureStatus.Completed, new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 1));
        await data.DiscloseAsync(Lao(atRisk), "O19", "O20");
        await AddMeasureEndingInMarchAsync(atRisk);
        await data.RunNightForAsync(Lao(ready), SeasonStart);
        await data.RunNightForAsync(Lao(atRisk), SeasonStart);
        var (supervisor, supervisorKey) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.ProvincialSupervisor, "57");
        var (otherSupervisor, _) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.ProvincialSupervisor, "50");
        var (laoLine, laoHook, laoKey) = await ConnectAsync(await BrowserlessClient.SignedInAsync(factory, atRisk.Admin), $"/t/{atRisk.Slug}/alerts");
        var (provinceLine, provinceHook, provinceKey) = await ConnectAsync(
            await BrowserlessClient.SignedInAsync(factory, supervisor.Email, TestData.Password, supervisorKey), "/dashboards/provinces/57/alerts");

        var planned = 0;
        for (var day = SeasonStart; day <= SeasonEnd; day = day.AddDays(1))
        {
            planned += await AlertMornings.RunJobAsync(factory, MorningOf(day));
        }

        // 4 milestones LAOs act by × (30, 14, 7, 3, 1 days and overdue) = 24 occasions (results day: none); each: admin +
        // editor of the two LAOs, and
        // the province's supervisor, on in-app and email. Plus the measure ending 31 March 2570 at 30/14/7/3/1 days
        // (1, 17, 24, 28, 30 March: no milestone falls on those days), to the at-risk LAO's admin and editor only.
        var expectedOccasions = Enumerable.Range(0, SeasonEnd.DayNumber - SeasonStart.DayNumber + 1)
            .Sum(n => AlertSchedule.Due(ProvisionalItaCalendar.For(Season), new AlertPolicy(), SeasonStart.AddDays(n)).Count);
        expectedOccasions.ShouldBe(24);
        // LINE and webhook: the at-risk LAO's 29 digests and the province's 24 escalations, on each.
        planned.ShouldBe((24 * (4 + 1) * 2) + (5 * 2 * 2) + (2 * (29 + 24)));

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var outbox = await db.AlertMessages.AsNoTracking().ToListAsync();
            outbox.ShouldAllBe(m => m.State == AlertState.Sent && m.Attempts == 1); // lost: none
            outbox.Select(m => m.IdempotencyKey).Distinct().Count().ShouldBe(outbox.Count);
            outbox.Count(m => m.Channel == AlertChannel.Line).ShouldBe(53);
            outbox.Count(m => m.Channel == AlertChannel.Webhook).ShouldBe(53);
            outbox.Where(m => m.OrganisationId != null).Select(m => m.OrganisationId!.Value).Distinct().ShouldBe([atRisk.Id, notStarted.Id], ignoreOrder: true);
            outbox.Count(m => m.Channel == AlertChannel.Email).ShouldBe(130);
            outbox.Count(m => m.Channel == AlertChannel.InApp).ShouldBe(130);
            outbox.Where(m => m.ProvinceCode == "57" && m.OrganisationId == null && m.ConnectionId == null).Select(m => m.RecipientUserId).Distinct().ShouldBe([supervisor.Id]);
            outbox.ShouldNotContain(m => m.RecipientUserId == otherSupervisor.Id || m.OrganisationId == ready.Id);
            (await db.Notifications.CountAsync(n => n.UserId == atRisk.Admin.Id)).ShouldBe(29);
            (await db.Notifications.CountAsync(n => n.UserId == notStarted.Admin.Id)).ShouldBe(24);
            (await db.Notifications.CountAsync(n => n.UserId == ready.Admin.Id)).ShouldBe(0);
        }

        // Every person got each occasion's email exactly once: one distinct subject per occasion, none twice.
        foreach (var (person, expected) in new[] { (atRisk.Admin.Email, 29), (atRisk.Editor.Email, 29), (notStarted.Admin.Email, 24), (notStarted.Editor.Email, 24), (supervisor.Email, 24) })
        {
            var subjects = factory.Smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == person)).Select(m => m.Subject).ToList();
            subjects.Count.ShouldBe(expected, person + ": " + string.Join(" | ", subjects));
            subjects.Distinct().Count().ShouldBe(expected, person);
        }

        factory.Smtp.Received.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == ready.Admin.Email || a.Address == ready.Viewer.Email || a.Address == otherSupervisor.Email));

        // LINE: each digest pushed once (one retry key each) to the account's own group with its own token.
        foreach (var (target, expected) in new[] { (laoLine, 29), (provinceLine, 24) })
        {
            var pushes = factory.Line.PushesTo(target);
            pushes.Count.ShouldBe(expected, target);
            pushes.Select(p => p.Header("X-Line-Retry-Key")).Distinct().Count().ShouldBe(expected);
        }

        // Webhooks: each digest posted once, every one signed with the key shown when it was connected.
        foreach (var (url, key, expected) in new[] { (laoHook, laoKey, 29), (provinceHook, provinceKey, 24) })
        {
            var posts = factory.Webhooks.PostsTo(url);
            posts.Count.ShouldBe(expected, url);
            posts.Select(p => p.Header("X-WiangHa-Delivery")).Distinct().Count().ShouldBe(expected);
            posts.ShouldAllBe(p => WebhookReceiver.SignatureIsValid(key, p));
        }

        // What the at-risk LAO's admin read 30 days before the answer window opened: Thai, BE date, the failing items
        // with links, by the 2569 manual until 2570's is published, and a one-click link to their preferences.
        var mail = factory.Smtp.Received.Single(m => m.To.Mailboxes.Any(a => a.Address == atRisk.Admin.Email) && m.Subject!.Contains("เปิดตอบแบบ OIT อีก 30 วัน"));
        mail.Subject.ShouldBe($"[ITA 2570] เปิดตอบแบบ OIT อีก 30 วัน (1 มี.ค. 2570): {atRisk.Name} ยังไม่ผ่าน 6 ข้อ");
        mail.TextBody!.ShouldContain($"/t/{atRisk.Slug}/compliance/2569/items/O21");
        mail.TextBody!.ShouldContain("(วันที่ประมาณการ ป.ป.ช. ยังไม่ประกาศ)");
        mail.TextBody!.ShouldContain("ตรวจตามคู่มือ ITA 2569 เพราะคู่มือปี 2570 ยังไม่ประกาศ");
        mail.TextBody!.ShouldContain("http://localhost/alerts/preferences?token=");
        mail.HtmlBody!.ShouldContain($"<a href=\"http://localhost/t/{atRisk.Slug}/compliance/2569/items/O21\">O21 ");
        mail.TextBody!.ShouldNotContain("O19 ");
        var measureMail = factory.Smtp.Received.Single(m => m.To.Mailboxes.Any(a => a.Address == atRisk.Admin.Email) && m.Subject!.Contains("มาตรการครบกำหนดอีก 7 วัน"));
        measureMail.Subject.ShouldBe($"[ITA 2570] มาตรการครบกำหนดอีก 7 วัน (31 มี.ค. 2570): {atRisk.Name} มาตรการใกล้ครบกำหนด 1 รายการ");
        measureMail.TextBody!.ShouldContain("ปีงบประมาณ 2570 ที่ 1 อบรมคุณธรรมจริยธรรมแก่บุคลากร (สิ้นสุด 31 มี.ค. 2570)");
        var escalation = factory.Smtp.Received.Single(m => m.To.Mailboxes.Any(a => a.Address == supervisor.Email) && m.Subject!.Contains("] ปิดตอบแบบ OIT พรุ่งนี้"));
        escalation.Subject.ShouldBe("[ITA 2570] ปิดตอบแบบ OIT พรุ่งนี้ (30 เม.ย. 2570): อปท. จังหวัดเชียงราย ที่ต้องติดตาม 2 แห่ง");
        // Ranked: never checked first, then the lowest score.
        escalation.TextBody!.IndexOf(notStarted.Name, StringComparison.Ordinal).ShouldBeLessThan(escalation.TextBody!.IndexOf(atRisk.Name, StringComparison.Ordinal));
        escalation.TextBody!.ShouldContain("/dashboards/provinces/57?year=2569&chase=true");

        // A morning's firing comes again (a misfire caught up late, a second replica): nothing new, nothing resent.
        var before = factory.Smtp.Received.Count;
        var again = new DateOnly(2027, 4, 29);
        await using (var scope = factory.Scope())
        {
            (await ActivatorUtilities.CreateInstance<AlertPlanningJob>(scope.ServiceProvider).RunAsync(MorningOf(again))).ShouldBe(0);
        }

        factory.Smtp.Received.Count.ShouldBe(before);

        await WriteSeasonSummaryAsync(mail, factory.Line.PushesTo(laoLine)[^1], factory.Webhooks.PostsTo(provinceHook)[^1]);
    }

    /// <summary>Connects a LINE account and a webhook through the settings page; returns the LINE group, the URL and its key.</summary>
    private async Task<(string Line, string Hook, string Key)> ConnectAsync(BrowserlessClient client, string page)
    {
        var group = LineReceiver.NewGroupId();
        await ChannelTestKit.ConnectLineAsync(client, page, $"token-{Guid.NewGuid():N}", group);
        var url = factory.Webhooks.NewUrl();
        return (group, url, await ChannelTestKit.ConnectWebhookAsync(client, page, url));
    }

    /// <summary>The season's counts per channel, and what each channel carried once, for the team to read.</summary>
    private async Task WriteSeasonSummaryAsync(MimeKit.MimeMessage mail, TestSupport.ReceivedRequest line, TestSupport.ReceivedRequest webhook)
    {
        await using var scope = factory.Scope();
        var outbox = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AlertMessages.AsNoTracking().ToListAsync();
        var directory = Path.Combine(Environment.GetEnvironmentVariable("WIANGHA_ARTIFACTS") is { } e2e ? Path.GetDirectoryName(e2e)! : Path.Combine(AppContext.BaseDirectory, "artifacts"),
            "alerts", factory.Database.Provider.ToString().ToLowerInvariant());
        Directory.CreateDirectory(directory);
        var counts = outbox.GroupBy(m => m.Channel).OrderBy(g => g.Key)
            .Select(g => $"{g.Key,-8} planned {g.Count(),4}  sent {g.Count(m => m.State == AlertState.Sent),4}  failed {g.Count(m => m.State == AlertState.Failed)}  " +
                $"duplicate keys {g.Count() - g.Select(m => m.IdempotencyKey).Distinct().Count()}");
        await File.WriteAllLinesAsync(Path.Combine(directory, "season-walk.txt"),
            [$"ITA {Season} season walked {SeasonStart:yyyy-MM-dd} … {SeasonEnd:yyyy-MM-dd}, one 08:00 job a day", .. counts,
             $"emails received by the SMTP server: {factory.Smtp.Received.Count}; LINE pushes: {factory.Line.Received.Count}; webhook posts: {factory.Webhooks.Received.Count}"]);
        await File.WriteAllTextAsync(Path.Combine(directory, "email.txt"), $"To: {mail.To}\nSubject: {mail.Subject}\n\n{mail.TextBody}\n--- HTML ---\n{mail.HtmlBody}\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "line-push.json"), line.Body);
        await File.WriteAllTextAsync(Path.Combine(directory, "webhook-escalation.json"), webhook.Body);
    }

    /// <summary>An ongoing measure of FY 2570 whose period ends in March 2570 (2027): its deadline alerts its LAO only.</summary>
    private async Task AddMeasureEndingInMarchAsync(TestTenant tenant)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        using (scope.ServiceProvider.GetRequiredService<WiangHa.Platform.Infrastructure.Tenancy.TenantScope>().Enter(Lao(tenant).Info))
        {
            var now = factory.Clock.GetUtcNow();
            db.Measures.Add(new Measure
            {
                FiscalYear = 2570, Number = 1, Title = "อบรมคุณธรรมจริยธรรมแก่บุคลากร", Steps = ["จัดอบรม"], PeriodFrom = new DateOnly(2026, 10, 1),
                PeriodTo = new DateOnly(2027, 3, 1), Status = MeasureStatus.InProgress, CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }
    }
}
