using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Calendar;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Infrastructure.Alerts;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Alerts;

/// <summary>
/// What the LINE, webhook and settings tests share: connecting through the real settings forms, the next alert mornings
/// after the (forward-only) test clock, one morning's planning and sending as the 08:00 job does it, and the outbox rows.
/// </summary>
public sealed class ChannelTestKit(ChannelsPlatformFactory factory)
{
    /// <summary>The alert mornings after the (forward-only) test clock, so the tests of a class may run in any order.</summary>
    public IEnumerable<DateTimeOffset> NextMornings() => AlertMornings.After(factory.Clock);

    /// <summary>Moves the clock to the morning and runs the 08:00 job (plan, then send).</summary>
    public Task<int> PlanAndSendAsync(DateTimeOffset morning) => AlertMornings.RunJobAsync(factory, morning);

    public Task<SendSummary> SendAsync() => factory.Services.GetRequiredService<SendAlerts>().RunAsync();

    public async Task<List<AlertMessage>> OutboxAsync(Guid connectionId)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AlertMessages.AsNoTracking()
            .Where(m => m.ConnectionId == connectionId).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
    }

    public async Task<AlertConnection> ConnectionAsync(Guid? organisationId, string? provinceCode, AlertChannel channel)
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AlertConnections.AsNoTracking()
            .SingleAsync(c => c.OrganisationId == organisationId && c.ProvinceCode == provinceCode && c.Channel == channel);
    }

    /// <summary>Saves a LINE connection through the settings form at <paramref name="page"/>; expects the redirect of a save.</summary>
    public static async Task ConnectLineAsync(BrowserlessClient client, string page, string token, string target, int quota = 300)
    {
        var response = await client.PostFormAsync($"{page}?handler=SaveLine",
            [new("Line.Token", token), new("Line.Target", target), new("Line.MonthlyQuota", quota.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Line.Enabled", "true")]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Connects a webhook through the settings form; returns the key the answer shows once.</summary>
    public static async Task<string> ConnectWebhookAsync(BrowserlessClient client, string page, string url)
    {
        var response = await client.PostFormAsync($"{page}?handler=ConnectWebhook", [new("WebhookUrl", url)]);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 2000 ? html[..2000] : html);
        response.Headers.CacheControl?.NoStore.ShouldBe(true);
        var key = new HtmlParser().ParseDocument(html).QuerySelector("[data-testid=webhook-key]")?.TextContent.Trim();
        return key.ShouldNotBeNull("the key is shown once, right after connecting");
    }
}
