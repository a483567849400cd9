using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>
/// The bell, the notification centre and each person's preferences, through the real pages: a user sees, opens and
/// marks read only their own notifications; the link in an alert email switches that user's emails off, and nobody
/// else's; what a user chose shapes the next morning's alerts.
/// </summary>
public sealed class NotificationCentreTests(ChannelsPlatformFactory factory) : IClassFixture<ChannelsPlatformFactory>
{
    [Fact]
    public async Task The_bell_counts_unread_alerts_and_opening_one_marks_it_read_and_follows_its_link()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await PlanAndSendNextOccasionAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);

        var home = await admin.GetPageAsync($"/t/{tenant.Slug}");
        home.QuerySelector("[data-testid=unread-count]")!.TextContent.Trim().ShouldBe("1");
        var list = await admin.GetPageAsync("/notifications");
        var notification = list.QuerySelectorAll("[data-testid=notification]").ShouldHaveSingleItem();
        notification.GetAttribute("data-unread").ShouldBe("true");
        notification.TextContent.ShouldContain("ยังไม่ได้ตรวจความพร้อม");

        var id = await NotificationIdAsync(tenant.Admin.Id);
        var opened = await admin.PostFormAsync($"/notifications?handler=Open&id={id}", [], "/notifications");
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Headers.Location!.ToString().ShouldBe($"/t/{tenant.Slug}/compliance?year=2569");
        (await admin.GetPageAsync("/notifications")).QuerySelector("[data-testid=unread-count]").ShouldBeNull();
    }

    [Fact]
    public async Task Another_users_notification_can_be_neither_seen_nor_opened_nor_marked_read()
    {
        var mine = await factory.Data.CreateTenantAsync();
        var theirs = await factory.Data.CreateTenantAsync();
        await PlanAndSendNextOccasionAsync();
        var theirId = await NotificationIdAsync(theirs.Admin.Id);
        var me = await BrowserlessClient.SignedInAsync(factory, mine.Admin);

        (await me.GetPageAsync("/notifications")).QuerySelectorAll("[data-testid=notification]").ShouldAllBe(n => !n.TextContent.Contains(theirs.Name));
        var open = await me.PostFormAsync($"/notifications?handler=Open&id={theirId}", [], "/notifications");
        open.Headers.Location!.ToString().ShouldBe("/notifications");
        await me.PostFormAsync("/notifications?handler=ReadAll", [], "/notifications");

        await using var scope = factory.Scope();
        var theirNotification = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Id == theirId);
        theirNotification.ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task The_link_in_an_alert_email_stops_that_users_alert_emails_and_the_next_morning_sends_them_in_app_only()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await PlanAndSendNextOccasionAsync();
        var mail = factory.Smtp.Received.Last(m => m.To.Mailboxes.Any(a => a.Address == tenant.Admin.Email));
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        mail.MessageId.ShouldEndWith("@alerts.wiangha");
        var link = mail.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/alerts/preferences?token=", StringComparison.Ordinal));
        var path = link[link.IndexOf("/alerts/preferences?token=", StringComparison.Ordinal)..];

        // Opening the link changes nothing (mail scanners open links); the page names the user only in part.
        var anonymous = BrowserlessClient.Anonymous(factory);
        var page = await anonymous.GetPageAsync(path);
        page.QuerySelector("[data-testid=preferences-email]")!.TextContent.ShouldBe(tenant.Admin.Email[..2] + "***" + tenant.Admin.Email[tenant.Admin.Email.IndexOf('@', StringComparison.Ordinal)..]);
        (await PreferencesAsync(tenant.Admin.Id)).AlertEmailsOff.ShouldBeFalse();

        var stop = await anonymous.PostFormAsync(path.Replace("?token=", "?handler=StopEmails&token=", StringComparison.Ordinal), [], path);
        stop.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PreferencesAsync(tenant.Admin.Id)).AlertEmailsOff.ShouldBeTrue();
        (await PreferencesAsync(tenant.Editor.Id)).AlertEmailsOff.ShouldBeFalse();

        await PlanAndSendNextOccasionAsync();
        await using var scope = factory.Scope();
        var rows = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AlertMessages.AsNoTracking()
            .Where(m => m.OrganisationId == tenant.Id).ToListAsync();
        rows.Count(m => m.RecipientUserId == tenant.Admin.Id && m.Channel == AlertChannel.Email).ShouldBe(1, "only the first morning's");
        rows.Count(m => m.RecipientUserId == tenant.Admin.Id && m.Channel == AlertChannel.InApp).ShouldBe(2);
        rows.Count(m => m.RecipientUserId == tenant.Editor.Id && m.Channel == AlertChannel.Email).ShouldBe(2);
    }

    [Fact]
    public async Task A_mail_apps_one_click_post_unsubscribes_and_a_forged_or_expired_link_changes_nothing()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        await PlanAndSendNextOccasionAsync();
        var mail = factory.Smtp.Received.Last(m => m.To.Mailboxes.Any(a => a.Address == tenant.Editor.Email));
        var oneClick = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var http = factory.CreateClient();

        var forged = await http.PostAsync(oneClick.PathAndQuery[..^4] + "AAAA", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await forged.Content.ReadAsStringAsync()).ShouldContain("ลิงก์หมดอายุหรือไม่ถูกต้อง");
        (await PreferencesAsync(tenant.Editor.Id)).AlertEmailsOff.ShouldBeFalse();

        var done = await http.PostAsync(oneClick.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        done.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PreferencesAsync(tenant.Editor.Id)).AlertEmailsOff.ShouldBeTrue();

        factory.Clock.Advance(AlertPreferenceLinks.Lifetime + TimeSpan.FromDays(1));
        (await BrowserlessClient.Anonymous(factory).GetPageAsync(oneClick.PathAndQuery.Replace("/alerts/unsubscribe", "/alerts/preferences", StringComparison.Ordinal)))
            .QuerySelector("[data-testid=link-invalid]").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_user_who_chose_english_gets_alerts_in_english()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var bad = await admin.PostFormAsync("/notifications/preferences", [new("EmailsOn", "true"), new("Language", "fr")]);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("กรุณาเลือกภาษาไทยหรือภาษาอังกฤษ");
        (await admin.PostFormAsync("/notifications/preferences", [new("EmailsOn", "true"), new("Language", "en")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await PlanAndSendNextOccasionAsync();
        var english = factory.Smtp.Received.Last(m => m.To.Mailboxes.Any(a => a.Address == tenant.Admin.Email));
        english.Subject!.ShouldContain($"{tenant.Name} not checked yet");
        english.TextBody!.ShouldContain("Change or stop these emails");
        factory.Smtp.Received.Last(m => m.To.Mailboxes.Any(a => a.Address == tenant.Editor.Email)).Subject!.ShouldContain("ยังไม่ได้ตรวจความพร้อม");
    }

    private Task<int> PlanAndSendNextOccasionAsync() => AlertMornings.RunJobAsync(factory, AlertMornings.NextOccasion(factory.Clock));

    private async Task<Guid> NotificationIdAsync(Guid userId)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Notifications.Where(n => n.UserId == userId).Select(n => n.Id).SingleAsync();
    }

    private async Task<WiangHa.Platform.Infrastructure.Identity.PlatformUser> PreferencesAsync(Guid userId)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId);
    }
}
