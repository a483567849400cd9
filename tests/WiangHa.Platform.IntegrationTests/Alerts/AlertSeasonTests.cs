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

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>
/// A whole ITA 2569 season walked day by day on the controlled clock, each morning as the 08:00 job runs it (plan,
/// then send), mail to a real SMTP server. One LAO ready, one at risk, one never checked; a supervisor of the
/// province and one of another province. Counted at the end: who got what, per channel, and that nothing doubled.
/// </summary>
public sealed class AlertSeasonTests(SmtpPlatformFactory factory) : IClassFixture<SmtpPlatformFactory>
{
    private const int Year = DashboardTestData.Year;
    private static readonly DateOnly SeasonStart = new(2025, 11, 20);
    private static readonly DateOnly SeasonEnd = new(2026, 8, 10);

    private static TestLao Lao(TestTenant tenant) => new(tenant.Id, tenant.Slug, tenant.Name, "57", null);

    private static DateTimeOffset MorningOf(DateOnly day) => new(day.ToDateTime(new TimeOnly(8, 0)), ThaiTime.BangkokOffset);

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
        await data.RunNightForAsync(Lao(ready), SeasonStart);
        await data.RunNightForAsync(Lao(atRisk), SeasonStart);
        var (supervisor, _) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.ProvincialSupervisor, "57");
        var (otherSupervisor, _) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.ProvincialSupervisor, "50");

        var planned = 0;
        for (var day = SeasonStart; day <= SeasonEnd; day = day.AddDays(1))
        {
            factory.Clock.SetUtcNow(MorningOf(day));
            await using var scope = factory.Scope();
            planned += await ActivatorUtilities.CreateInstance<AlertPlanningJob>(scope.ServiceProvider).RunAsync(MorningOf(day));
        }

        // 5 milestones × (30, 14, 7, 3, 1 days and overdue) = 30 occasions; each: admin + editor of the two LAOs, and
        // the province's supervisor, on in-app and email.
        var occasions = AlertSchedule.Due(ProvisionalItaCalendar.For(Year), new AlertPolicy(), SeasonStart);
        var expectedOccasions = Enumerable.Range(0, SeasonEnd.DayNumber - SeasonStart.DayNumber + 1)
            .Sum(n => AlertSchedule.Due(ProvisionalItaCalendar.For(Year), new AlertPolicy(), SeasonStart.AddDays(n)).Count);
        expectedOccasions.ShouldBe(30);
        occasions.ShouldBeEmpty();
        planned.ShouldBe(30 * (4 + 1) * 2);

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var outbox = await db.AlertMessages.AsNoTracking().ToListAsync();
            outbox.ShouldAllBe(m => m.State == AlertState.Sent && m.Attempts == 1);
            outbox.Where(m => m.OrganisationId != null).Select(m => m.OrganisationId!.Value).Distinct().ShouldBe([atRisk.Id, notStarted.Id], ignoreOrder: true);
            outbox.Count(m => m.Channel == AlertChannel.Email).ShouldBe(150);
            outbox.Count(m => m.Channel == AlertChannel.InApp).ShouldBe(150);
            outbox.Where(m => m.ProvinceCode == "57" && m.OrganisationId == null).Select(m => m.RecipientUserId).Distinct().ShouldBe([supervisor.Id]);
            outbox.ShouldNotContain(m => m.RecipientUserId == otherSupervisor.Id || m.OrganisationId == ready.Id);
            (await db.Notifications.CountAsync(n => n.UserId == atRisk.Admin.Id)).ShouldBe(30);
            (await db.Notifications.CountAsync(n => n.UserId == ready.Admin.Id)).ShouldBe(0);
        }

        // Every person got each occasion's email exactly once: 30 distinct subjects each, none twice.
        foreach (var person in new[] { atRisk.Admin.Email, atRisk.Editor.Email, notStarted.Admin.Email, notStarted.Editor.Email, supervisor.Email })
        {
            var subjects = factory.Smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == person)).Select(m => m.Subject).ToList();
            subjects.Count.ShouldBe(30, person);
            subjects.Distinct().Count().ShouldBe(30, person);
        }

        factory.Smtp.Received.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == ready.Admin.Email || a.Address == ready.Viewer.Email || a.Address == otherSupervisor.Email));

        // What the at-risk LAO's admin read 30 days before the answer window opened: Thai, BE date, the failing items with links.
        var mail = factory.Smtp.Received.Single(m => m.To.Mailboxes.Any(a => a.Address == atRisk.Admin.Email) && m.Subject!.Contains("เปิดตอบแบบ OIT อีก 30 วัน"));
        mail.Subject.ShouldBe($"[ITA 2569] เปิดตอบแบบ OIT อีก 30 วัน (1 มี.ค. 2569): {atRisk.Name} ยังไม่ผ่าน 6 ข้อ");
        mail.TextBody!.ShouldContain($"/t/{atRisk.Slug}/compliance/2569/items/O21");
        mail.TextBody!.ShouldContain("(วันที่ประมาณการ)");
        mail.HtmlBody!.ShouldContain("<a href=");
        mail.TextBody!.ShouldNotContain("O19 ");
        var escalation = factory.Smtp.Received.Single(m => m.To.Mailboxes.Any(a => a.Address == supervisor.Email) && m.Subject!.Contains("ปิดตอบแบบ OIT พรุ่งนี้"));
        escalation.Subject!.ShouldContain("ที่ต้องติดตาม 2 แห่ง");
        // Ranked: never checked first, then the lowest score.
        escalation.TextBody!.IndexOf(notStarted.Name, StringComparison.Ordinal).ShouldBeLessThan(escalation.TextBody!.IndexOf(atRisk.Name, StringComparison.Ordinal));
        escalation.TextBody!.ShouldContain("/dashboards/provinces/57?year=2569");

        // The job fired twice on the same morning, as a second replica or a restart would: nothing new, nothing resent.
        var before = factory.Smtp.Received.Count;
        var again = new DateOnly(2026, 4, 29);
        factory.Clock.SetUtcNow(MorningOf(again));
        await using (var scope = factory.Scope())
        {
            (await ActivatorUtilities.CreateInstance<AlertPlanningJob>(scope.ServiceProvider).RunAsync(MorningOf(again))).ShouldBe(0);
        }

        factory.Smtp.Received.Count.ShouldBe(before);
    }
}
