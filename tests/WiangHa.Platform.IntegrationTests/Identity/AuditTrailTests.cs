using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Identity;

public sealed class AuditTrailTests(PlatformFactory factory) : IClassFixture<PlatformFactory>
{
    [Fact]
    public async Task A_measure_change_is_recorded_with_before_and_after_and_shown_only_to_its_lao()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        var id = await factory.Data.CreateMeasureAsync(a, "ชื่อก่อนแก้");
        var editor = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        var url = $"/api/v1/t/{a.Slug}/measures/{id}";
        var etag = (await editor.Http.GetAsync(url)).Headers.ETag!.Tag;

        (await editor.SendJsonAsync(HttpMethod.Put, url, MeasureInputs.Valid("ชื่อหลังแก้"), ifMatch: etag)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var trail = await (await BrowserlessClient.SignedInAsync(factory, a.Admin)).GetPageAsync($"/t/{a.Slug}/audit");
        var modified = trail.QuerySelectorAll("[data-testid=audit-event][data-action='measure.modified']").ToList();
        modified.Count.ShouldBe(1);
        modified[0].TextContent.ShouldContain(a.Editor.Email);
        modified[0].TextContent.ShouldContain("ชื่อก่อนแก้");
        modified[0].TextContent.ShouldContain("ชื่อหลังแก้");
        var otherTrail = await (await BrowserlessClient.SignedInAsync(factory, b.Admin)).GetPageAsync($"/t/{b.Slug}/audit");
        otherTrail.Body!.TextContent.ShouldNotContain("ชื่อหลังแก้");
        (await editor.Http.GetAsync($"/t/{a.Slug}/audit")).Headers.Location!.ToString().ShouldContain("/status/403");
    }

    [Fact]
    public async Task Operators_see_every_tenants_events_and_sign_ins()
    {
        var a = await factory.Data.CreateTenantAsync();
        await BrowserlessClient.SignedInAsync(factory, a.Viewer);
        var (operatorUser, key) = await factory.Data.CreatePlatformUserAsync(PlatformRoles.Operator);
        var client = await BrowserlessClient.SignedInAsync(factory, operatorUser.Email, TestData.Password, key);

        var page = await client.GetPageAsync("/operator/audit?action=sign-in");

        page.QuerySelectorAll("[data-testid=audit-event]").Select(e => e.TextContent).ShouldContain(t => t.Contains(a.Viewer.Email));
    }

    [Fact]
    public async Task A_document_export_is_recorded()
    {
        var a = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateMeasureAsync(a);
        var viewer = await BrowserlessClient.SignedInAsync(factory, a.Viewer);

        (await viewer.Http.GetAsync($"/t/{a.Slug}/reports/2566/results.xlsx")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = factory.Scope();
        var exports = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEvents
            .Where(e => e.TenantId == a.Id && e.Action == AuditActions.Export).ToListAsync();
        exports.Single().SubjectId.ShouldBe("2566/results.xlsx");
        exports.Single().ActorName.ShouldBe(a.Viewer.Email);
    }

    [Fact]
    public async Task The_trail_is_append_only()
    {
        await using var scope = factory.Scope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await audit.RecordAsync("test.event", details: "{}");
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entry = await db.AuditEvents.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == "test.event");

        db.AuditEvents.Remove(entry);
        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Expired_tokens_are_pruned_by_the_nightly_job_and_pruning_twice_removes_nothing_more()
    {
        await using var scope = factory.Scope();
        var tokens = scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictTokenManager>();
        var now = factory.Clock.GetUtcNow();
        var old = await tokens.CreateAsync(new OpenIddict.Abstractions.OpenIddictTokenDescriptor
        {
            Subject = "test", Type = "access_token", Status = "valid",
            CreationDate = now.AddDays(-40), ExpirationDate = now.AddDays(-30),
        });
        var fresh = await tokens.CreateAsync(new OpenIddict.Abstractions.OpenIddictTokenDescriptor
        {
            Subject = "test", Type = "access_token", Status = "valid",
            CreationDate = now, ExpirationDate = now.AddHours(1),
        });
        var job = ActivatorUtilities.CreateInstance<PruneOpenIdTokensJob>(scope.ServiceProvider);

        var first = await job.PruneAsync();
        var second = await job.PruneAsync();

        first.Tokens.ShouldBeGreaterThanOrEqualTo(1);
        second.Tokens.ShouldBe(0);
        // Pruning deletes in bulk; a fresh scope reads what the database now holds.
        var (oldId, freshId) = ((await tokens.GetIdAsync(old))!, (await tokens.GetIdAsync(fresh))!);
        await using var check = factory.Scope();
        var stored = check.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictTokenManager>();
        (await stored.FindByIdAsync(oldId)).ShouldBeNull();
        (await stored.FindByIdAsync(freshId)).ShouldNotBeNull();
    }
}

public sealed class RateLimitTests(StrictRateLimitPlatformFactory factory) : IClassFixture<StrictRateLimitPlatformFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_in_thai()
    {
        var client = BrowserlessClient.Anonymous(factory);
        var token = await client.AntiforgeryTokenAsync("/account/sign-in");
        HttpResponseMessage last = null!;
        for (var i = 0; i <= StrictRateLimitPlatformFactory.SignInsPerMinute; i++)
        {
            last = await client.PostFormAsync("/account/sign-in", [new("Email", "x@y.test"), new("Password", "nope"), new("__RequestVerificationToken", token)]);
        }

        last.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await last.Content.ReadAsStringAsync()).ShouldContain("ถี่เกินไป");
        last.Headers.RetryAfter.ShouldNotBeNull();
    }
}
