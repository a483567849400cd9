using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>What the operator alert tests share: an operator's session, the calendar form, a morning's planning.</summary>
public static class OperatorAlerts
{
    public const string MilestonesForm = "form[data-testid=milestones-form]";

    /// <summary>The index of each step in the calendar form, in the order of the ITA calendar.</summary>
    public static readonly IReadOnlyDictionary<string, int> Step = new Dictionary<string, int>
    {
        ["registration"] = 0, ["oit-open"] = 1, ["oit-close"] = 2, ["clarification"] = 3, ["results"] = 4,
    };

    public static async Task<BrowserlessClient> OperatorAsync(PlatformFactory factory)
    {
        var (user, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        return await BrowserlessClient.SignedInAsync(factory, user.Email, TestData.Password, key);
    }

    public static async Task<BrowserlessClient> SupervisorAsync(PlatformFactory factory, string role, params string[] provinces)
    {
        var (user, key) = await factory.Data.CreatePlatformUserAsync(role, provinces);
        return await BrowserlessClient.SignedInAsync(factory, user.Email, TestData.Password, key);
    }

    /// <summary>The year's calendar form as the page fills it, with <paramref name="change"/> applied, posted.</summary>
    public static async Task<HttpResponseMessage> PostCalendarAsync(BrowserlessClient client, int year, Action<List<KeyValuePair<string, string>>> change)
    {
        var page = await client.GetPageAsync($"/operator/alerts/milestones?year={year}");
        var fields = BrowserlessClient.FormValues(page, MilestonesForm);
        change(fields);
        return await client.PostFormAsync("/operator/alerts/milestones", fields);
    }

    public static List<KeyValuePair<string, string>> Date(this List<KeyValuePair<string, string>> fields, string key, string date) =>
        fields.With($"Input.Steps[{Step[key]}].Date", date);

    public static List<KeyValuePair<string, string>> Confirmed(this List<KeyValuePair<string, string>> fields, string key) =>
        fields.With($"Input.Steps[{Step[key]}].Confirmed", "true");

    public static string? DateError(IHtmlDocument page, string key) =>
        page.QuerySelector($"[data-testid=milestone][data-key={key}] [data-testid=date-error]")?.TextContent.Trim();

    public static DateTimeOffset MorningOf(int year, int month, int day) => AlertMornings.MorningOf(new DateOnly(year, month, day));

    public static Task<int> PlanAsync(PlatformFactory factory, DateTimeOffset morning) => AlertMornings.RunJobAsync(factory, morning);

    /// <summary>The idempotency keys of the LAO's outbox rows.</summary>
    public static async Task<List<string>> KeysAsync(PlatformFactory factory, Guid organisationId)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AlertMessages.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId).Select(m => m.IdempotencyKey).ToListAsync();
    }

    public static void ShouldBeRedirectTo(this HttpResponseMessage response, string location)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain(location);
    }

    public static AlertMessage FailedMessage(TestTenant tenant, AlertChannel channel, string address, DateTimeOffset now) => new()
    {
        IdempotencyKey = $"test:{Guid.NewGuid():N}", Channel = channel, OrganisationId = tenant.Id, ProvinceCode = "57",
        RecipientUserId = tenant.Admin.Id, Address = address, Subject = $"[ITA 2570] ทดสอบ {tenant.Name}",
        TextBody = "ยังไม่ผ่าน 3 ข้อ เปลี่ยนการรับแจ้งเตือน: http://localhost/alerts/preferences?token=SECRET-TOKEN-VALUE",
        State = AlertState.Failed, Attempts = AlertMessage.MaxAttempts, CreatedAt = now, NextAttemptAt = now.AddHours(-1),
        LastError = "PermanentDeliveryException: ที่อยู่อีเมลไม่ถูกต้อง",
    };
}
