using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using static WiangHa.Platform.IntegrationTests.Alerts.OperatorAlerts;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>
/// An operator confirms the ITA 2570 calendar and moves the OIT answer window's close: dashboards and the LAO's home
/// page show the confirmed date, and the alerts move with it. One test per class, since it owns 2570's calendar and
/// walks the clock forward.
/// </summary>
public sealed class OperatorCalendarTests(ChannelsPlatformFactory factory) : IClassFixture<ChannelsPlatformFactory>
{
    [Fact]
    public async Task A_confirmed_and_moved_calendar_shows_on_the_dashboards_and_moves_the_alert_days()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var national = await SupervisorAsync(factory, PlatformRoles.NationalSupervisor);
        var provincial = await SupervisorAsync(factory, PlatformRoles.ProvincialSupervisor, "57");
        var home = $"/t/{tenant.Slug}";

        // Before: the provisional pattern, marked as an estimate.
        var before = (await admin.GetPageAsync(home)).QuerySelector("[data-testid=next-milestone]")!;
        before.QuerySelector("[data-testid=next-milestone-date]")!.TextContent.ShouldBe("1 ม.ค. 2570");
        before.QuerySelector("[data-testid=provisional]")!.TextContent.ShouldBe("ประมาณการ");

        var client = await OperatorAsync(factory);
        (await PostCalendarAsync(client, 2570, f => f
            .Date("registration", "2027-01-05").Confirmed("registration")
            .Date("oit-close", "2027-05-20").Confirmed("oit-close"))).ShouldBeRedirectTo("/operator/alerts/milestones?year=2570");

        foreach (var (reader, page) in new[] { (admin, home), (national, "/dashboards"), (provincial, "/dashboards/provinces/57") })
        {
            var next = (await reader.GetPageAsync(page)).QuerySelector("[data-testid=next-milestone]");
            next.ShouldNotBeNull(page);
            next.QuerySelector("[data-testid=next-milestone-name]")!.TextContent.ShouldBe("ลงทะเบียนในระบบ ITAS", page);
            next.QuerySelector("[data-testid=next-milestone-date]")!.TextContent.ShouldBe("5 ม.ค. 2570", page);
            next.QuerySelector("[data-testid=days-to-deadline]")!.TextContent.ShouldBe("อีก 35 วัน", page);
            next.QuerySelector("[data-testid=provisional]").ShouldBeNull(page);
        }

        // The old close (30 April) passes without a word; 7 days before the new one (20 May), the LAO is alerted.
        await PlanAsync(factory, MorningOf(2027, 4, 23));
        (await KeysAsync(factory, tenant.Id)).ShouldNotContain(k => k.Contains("oit-close", StringComparison.Ordinal));
        await PlanAsync(factory, MorningOf(2027, 5, 13));
        var keys = await KeysAsync(factory, tenant.Id);
        keys.ShouldContain(k => k.Contains("2570.oit-close.7", StringComparison.Ordinal));
        keys.ShouldAllBe(k => !k.Contains("oit-close", StringComparison.Ordinal) || k.Contains("2570.oit-close.7", StringComparison.Ordinal));

        await using var scope = factory.Scope();
        var subjects = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AlertMessages.AsNoTracking()
            .Where(m => m.OrganisationId == tenant.Id && m.RecipientUserId == tenant.Admin.Id).Select(m => m.Subject).ToListAsync();
        subjects.ShouldContain(s => s.Contains("20 พ.ค. 2570", StringComparison.Ordinal));
    }
}
