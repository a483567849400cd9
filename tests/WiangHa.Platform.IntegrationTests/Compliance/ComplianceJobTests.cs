using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Infrastructure.Compliance;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Tenancy;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Compliance;

/// <summary>The Quartz jobs: nightly run under a controlled clock, idempotent re-firing, and "check now" end to end.</summary>
public sealed class ComplianceJobTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    private async Task<List<ComplianceRun>> RunsOfAsync(TestTenant tenant)
    {
        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().ComplianceRuns.AsNoTracking().Include(r => r.Results).ToListAsync();
        }
    }

    [Fact]
    public void Nightly_trigger_fires_at_two_in_the_morning_Bangkok_time_with_an_explicit_misfire_instruction()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 18, 30, 0, TimeSpan.Zero)); // 01:30 in Bangkok
        var trigger = NightlyComplianceJob.Trigger.Build(new ComplianceSchedulerOptions(), clock);
        var next = trigger.GetFireTimeAfter(clock.GetUtcNow())!.Value;
        next.ShouldBe(new DateTimeOffset(2026, 11, 28, 19, 0, 0, TimeSpan.Zero));
        trigger.MisfireInstruction.ShouldBe(CronTriggerMisfireInstruction.FireAndProceed);
        trigger.TimeZone.BaseUtcOffset.ShouldBe(TimeSpan.FromHours(7));
        clock.Advance(next - clock.GetUtcNow());
        trigger.GetFireTimeAfter(clock.GetUtcNow()).ShouldBe(next.AddDays(1));
        ComplianceRunner.NightlySlot(next).ShouldBe("nightly:2026-11-29");
    }

    [Fact]
    public async Task The_running_scheduler_holds_exactly_the_defined_recurring_triggers_started_on_the_hosts_clock()
    {
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ComplianceSchedulerOptions>>().Value;
        var cronTriggers = new List<ICronTrigger>();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()))
        {
            if (await scheduler.GetTrigger(key) is ICronTrigger cron)
            {
                cronTriggers.Add(cron);
            }
        }

        cronTriggers.Select(t => t.Key).ShouldBe(ComplianceSchedule.Recurring.Select(r => r.Key), ignoreOrder: true);
        foreach (var definition in ComplianceSchedule.Recurring)
        {
            // A run cut short by a replica's death is fired again on another replica (every recurring job is idempotent).
            (await scheduler.GetJobDetail(definition.Job))!.RequestsRecovery.ShouldBeTrue(definition.Job.ToString());
            var running = cronTriggers.Single(t => t.Key.Equals(definition.Key));
            var defined = definition.Build(options, new FakeTimeProvider(TestClock.PinnedAt));
            running.JobKey.ShouldBe(definition.Job);
            running.CronExpressionString.ShouldBe(defined.CronExpressionString);
            running.TimeZone.Id.ShouldBe(defined.TimeZone.Id);
            running.MisfireInstruction.ShouldBe(defined.MisfireInstruction);
            // Started by the host's pinned clock, not the machine's: the first firing is the first after PinnedAt.
            running.StartTimeUtc.ShouldBeInRange(TestClock.PinnedAt, factory.Clock.GetUtcNow());
            running.NextFireTimeUtc.ShouldBe(defined.GetFireTimeAfter(TestClock.PinnedAt));
        }
    }

    [Fact]
    public async Task Nightly_job_records_results_for_every_tenant_and_a_second_firing_of_the_slot_records_nothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 14, 18, 59, 0, TimeSpan.Zero));
        var fireTime = NightlyComplianceJob.Trigger.Build(new ComplianceSchedulerOptions(), clock).GetFireTimeAfter(clock.GetUtcNow())!.Value;
        clock.Advance(fireTime - clock.GetUtcNow());
        var tenants = new List<TestTenant>();
        for (var i = 0; i < 3; i++)
        {
            tenants.Add(await factory.Data.CreateTenantAsync());
        }

        await factory.Data.CreateDisclosureAsync(tenants[0], 2567, "O1", "https://lao.example/structure");

        await using var scope = factory.Scope();
        var job = ActivatorUtilities.CreateInstance<NightlyComplianceJob>(scope.ServiceProvider);
        var first = await job.RunSlotAsync(clock.GetUtcNow());
        first.ShouldBeGreaterThanOrEqualTo(4);

        foreach (var tenant in tenants)
        {
            var runs = await RunsOfAsync(tenant);
            runs.ShouldContain(r => r.AssessmentYear == 2569 && r.Slot == "nightly:2027-01-15");
            runs.ShouldAllBe(r => r.State == ComplianceRunState.Completed && r.Results.Count > 0);
        }

        var answered = await RunsOfAsync(tenants[0]);
        answered.Single(r => r.AssessmentYear == 2567).Results.Select(r => r.ItemCode).ShouldBe(["O1", "O2", "O3", "O35"], ignoreOrder: true);

        var again = await job.RunSlotAsync(clock.GetUtcNow());
        again.ShouldBe(0);
        foreach (var tenant in tenants)
        {
            (await RunsOfAsync(tenant)).Count(r => r.Slot == "nightly:2027-01-15").ShouldBe(tenant == tenants[0] ? 2 : 1);
        }

        // The next night is a new slot: history grows by one run per tenant and year.
        clock.Advance(TimeSpan.FromDays(1));
        (await job.RunSlotAsync(clock.GetUtcNow())).ShouldBe(first);
    }

    [Fact]
    public async Task Check_now_runs_through_the_scheduler_checks_the_links_and_the_item_passes()
    {
        await using var server = await LocalWebServer.StartAsync(app =>
            app.MapGet("/structure", () => Results.Content("<html>แผนผังโครงสร้าง ปี 2567</html>", "text/html")));
        var tenant = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateDisclosureAsync(tenant, 2567, "O1", server.Url("/structure"));
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);

        var response = await editor.PostFormAsync($"/t/{tenant.Slug}/compliance?handler=CheckNow&year=2567", [], $"/t/{tenant.Slug}/compliance?year=2567");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        var runId = Guid.Parse(location[(location.IndexOf("run=", StringComparison.Ordinal) + 4)..]);

        var state = await WaitForRunAsync(editor, tenant, runId);
        state.ShouldBe(nameof(ComplianceRunState.Completed));

        var page = await editor.GetPageAsync($"/t/{tenant.Slug}/compliance?year=2567");
        page.QuerySelector("[data-testid=item-row][data-code=O1]")!.GetAttribute("data-status").ShouldBe(nameof(ComplianceStatus.Pass));
        // 2567 is known only in part (O1–O3, O35): per-item results, no headline score (ADR 0006).
        page.QuerySelector("[data-testid=score]").ShouldBeNull();
        page.QuerySelector("[data-testid=summary]")!.TextContent.ShouldContain("ผ่าน 1 ·");
        var run = (await RunsOfAsync(tenant)).Single(r => r.Id == runId);
        run.Kind.ShouldBe(ComplianceRunKind.OnDemand);

        await using var scope = factory.Scope();
        using (scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Info))
        {
            var link = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().LinkChecks.SingleAsync();
            (link.StatusCode, link.ContentType, link.FinalUrl).ShouldBe((200, "text/html", server.Url("/structure")));
        }
    }

    [Fact]
    public async Task Check_now_through_the_api_answers_202_with_the_run_to_follow()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var editor = await BrowserlessClient.SignedInAsync(factory, tenant.Editor);
        var response = await editor.SendJsonAsync(HttpMethod.Post, $"/api/v1/t/{tenant.Slug}/compliance/2566/check-now", new { });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var runUrl = response.Headers.Location!.OriginalString;
        (await WaitForApiRunAsync(editor, runUrl)).ShouldBe("Completed");
        var viewer = await BrowserlessClient.SignedInAsync(factory, tenant.Viewer);
        (await viewer.SendJsonAsync(HttpMethod.Post, $"/api/v1/t/{tenant.Slug}/compliance/2566/check-now", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>Follows the status fragment the page polls, until the run leaves the queue (bounded, no fixed sleeps).</summary>
    private static async Task<string?> WaitForRunAsync(BrowserlessClient client, TestTenant tenant, Guid runId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        string? state = null;
        while (await poll.WaitForNextTickAsync(timeout.Token))
        {
            var fragment = await client.GetPageAsync($"/t/{tenant.Slug}/compliance/runs/{runId}/status");
            state = fragment.QuerySelector("[data-testid=run-status]")!.GetAttribute("data-state");
            if (state is nameof(ComplianceRunState.Completed) or nameof(ComplianceRunState.Failed))
            {
                break;
            }
        }

        return state;
    }

    private static async Task<string?> WaitForApiRunAsync(BrowserlessClient client, string runUrl)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        string? state = null;
        while (await poll.WaitForNextTickAsync(timeout.Token))
        {
            var run = await BrowserlessClient.ReadJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>(await client.Http.GetAsync(runUrl));
            state = run["state"].GetString();
            if (state is "Completed" or "Failed")
            {
                break;
            }
        }

        return state;
    }
}
