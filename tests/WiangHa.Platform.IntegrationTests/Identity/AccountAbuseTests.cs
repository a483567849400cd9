using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Data;
using WiangHa.Platform.Infrastructure.Email;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using WiangHa.Platform.TestSupport;

namespace WiangHa.Platform.IntegrationTests.Identity;

/// <summary>
/// Issue 11, accounts: the sign-in and forgotten-password forms tell nobody which addresses have an account or are
/// locked (same page, same work: one password verification per attempt, counted on the real hasher), a stranger cannot
/// lock the owner out, reset mail is capped per IP and per address, and mail leaves from the queue, not the request.
/// Each test uses its own client addresses, so the per-IP limits and counters of one never touch another.
/// </summary>
public sealed partial class AccountAbuseTests(AccountAbuseFactory factory) : IClassFixture<AccountAbuseFactory>
{
    [Fact]
    public async Task Real_unknown_and_passwordless_addresses_get_the_same_page_after_one_password_check_each()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var passwordless = await CreatePasswordlessUserAsync();
        var client = factory.From("203.0.113.10");

        var real = await SignInAsync(client, tenant.Editor.Email, "Wrong-Password-1");
        var unknown = await SignInAsync(client, $"nobody-{Guid.NewGuid():N}@wiangha.test", "Wrong-Password-1");
        var noPassword = await SignInAsync(client, passwordless, "Wrong-Password-1");

        real.Status.ShouldBe(HttpStatusCode.OK);
        real.Verifications.ShouldBe(1, "the account's hash is verified");
        unknown.Verifications.ShouldBe(1, "an unknown address is verified against the decoy hash, as long as a real one");
        noPassword.Verifications.ShouldBe(1);
        real.Error.ShouldContain("อีเมลหรือรหัสผ่านไม่ถูกต้อง", Case.Sensitive);
        unknown.ShouldBe(real with { Body = unknown.Body }, "same status, message and work");
        unknown.Body.ShouldBe(real.Body);
        noPassword.Body.ShouldBe(real.Body);
    }

    [Fact]
    public async Task A_locked_client_sees_the_same_page_for_a_real_and_an_unknown_address_even_with_the_right_password()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var unknownEmail = $"nobody-{Guid.NewGuid():N}@wiangha.test";
        var client = factory.From("203.0.113.20");
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(client, tenant.Editor.Email, "Wrong-Password-" + i);
            await SignInAsync(client, unknownEmail, "Wrong-Password-" + i);
        }

        var real = await SignInAsync(client, tenant.Editor.Email, TestData.Password);
        var unknown = await SignInAsync(client, unknownEmail, TestData.Password);

        real.Status.ShouldBe(HttpStatusCode.OK, "the right password from a locked client is refused");
        real.Verifications.ShouldBe(1, "a refused client still costs one verification (the decoy's)");
        unknown.ShouldBe(real with { Body = unknown.Body });
        unknown.Body.ShouldBe(real.Body);
        real.Error.ShouldNotContain("ล็อก");
    }

    [Fact]
    public async Task A_strangers_failures_from_one_address_do_not_lock_the_owner_out_from_another()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var stranger = factory.From("198.51.100.7");
        for (var i = 0; i < 8; i++)
        {
            await SignInAsync(stranger, tenant.Admin.Email, "Guess-" + i);
        }

        (await SignInAsync(stranger, tenant.Admin.Email, TestData.Password)).Status.ShouldBe(HttpStatusCode.OK, "the stranger's address is refused");

        var owner = factory.From("192.0.2.44");
        var signIn = await owner.PostFormAsync("/account/sign-in", [new("Email", tenant.Admin.Email), new("Password", TestData.Password)]);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the owner, elsewhere, is not locked out");
        (await owner.Http.GetAsync($"/t/{tenant.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Many_strangers_exhaust_the_accounts_hourly_guesses_but_not_its_owner_who_may_also_reset_from_a_new_address()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var email = tenant.Viewer.Email;
        (await SignInAsync(factory.From("192.0.2.50"), email, TestData.Password)).Status.ShouldBe(HttpStatusCode.Redirect, "the owner's usual address becomes known");
        for (var ip = 1; ip <= 5; ip++)
        {
            var stranger = factory.From($"198.51.100.{ip + 100}");
            for (var i = 0; i < 4; i++)
            {
                await SignInAsync(stranger, email, $"Guess-{ip}-{i}");
            }
        }

        var fresh = factory.From("198.51.100.200");
        (await SignInAsync(fresh, email, TestData.Password)).Status.ShouldBe(HttpStatusCode.OK, "20 failures in the hour: addresses the account does not know are refused");
        (await SignInAsync(factory.From("192.0.2.50"), email, TestData.Password)).Status.ShouldBe(HttpStatusCode.Redirect, "the owner's known address still signs in");

        // From a new address, the owner proves the mailbox and that address becomes known.
        var travelling = factory.From("192.0.2.77");
        await travelling.PostFormAsync("/account/forgot-password", [new("Email", email)]);
        await DrainQueueAsync();
        var link = new Uri(TestSmtpServer.FirstLink(await factory.Smtp.WaitForMessageToAsync(email)));
        var reset = await travelling.PostFormAsync(link.PathAndQuery, BrowserlessClient.FormValues(await travelling.GetPageAsync(link.PathAndQuery), "form")
            .With("Password", "Owner-New-Pass-2569"));
        reset.Headers.Location!.ToString().ShouldBe("/account/sign-in");
        (await SignInAsync(travelling, email, "Owner-New-Pass-2569")).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Forgot_password_answers_alike_and_the_mail_leaves_only_when_the_queue_is_drained()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var unknownEmail = $"nobody-{Guid.NewGuid():N}@wiangha.test";
        var client = factory.From("203.0.113.30");

        var real = await ForgotAsync(client, tenant.Viewer.Email);
        var unknown = await ForgotAsync(client, unknownEmail);

        real.Status.ShouldBe(HttpStatusCode.OK);
        real.Body.ShouldContain("หากอีเมลนี้มีบัญชีอยู่");
        unknown.ShouldBe(real);
        factory.Smtp.Received.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == tenant.Viewer.Email), "the request only queued the mail");
        var queued = await QueuedFor(tenant.Viewer.Email, unknownEmail);
        queued.Select(m => (m.Kind, m.State)).ShouldBe([(OutgoingMailKind.PasswordReset, OutgoingMailState.Pending), (OutgoingMailKind.PasswordReset, OutgoingMailState.Pending)],
            "a real and an unknown address cost the request the same write");

        (await DrainQueueAsync()).ShouldBeGreaterThanOrEqualTo(1);

        var mail = await factory.Smtp.WaitForMessageToAsync(tenant.Viewer.Email);
        mail.Subject!.ShouldContain("ตั้งรหัสผ่านใหม่");
        factory.Smtp.Received.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == unknownEmail));
        (await QueuedFor(tenant.Viewer.Email, unknownEmail)).Select(m => m.State).ShouldBe([OutgoingMailState.Sent, OutgoingMailState.Dropped], ignoreOrder: true);
    }

    [Fact]
    public async Task Invitations_are_queued_by_the_request_and_sent_by_the_drain()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var email = $"queued-{Guid.NewGuid():N}@wiangha.test";

        (await admin.PostFormAsync($"/t/{tenant.Slug}/users?handler=Invite", [new("InviteEmail", email), new("InviteRole", "Viewer")], $"/t/{tenant.Slug}/users"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        factory.Smtp.Received.ShouldNotContain(m => m.To.Mailboxes.Any(a => a.Address == email));
        (await QueuedFor(email)).Single().State.ShouldBe(OutgoingMailState.Pending);
        await DrainQueueAsync();
        (await factory.Smtp.WaitForMessageToAsync(email)).Subject!.ShouldContain("คำเชิญเข้าใช้งาน");
    }

    [Fact]
    public async Task An_address_gets_at_most_three_reset_mails_an_hour_whatever_the_ip_and_the_answer_never_changes()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var email = tenant.Editor.Email;
        var answers = new List<(HttpStatusCode, string)>();
        for (var i = 1; i <= 6; i++)
        {
            answers.Add(await ForgotAsync(factory.From($"203.0.113.{40 + i}"), email));
        }

        answers.Distinct().Count().ShouldBe(1, "capped or not, the page is the same");
        await DrainQueueAsync();
        MailsTo(email).ShouldBe(RequestPasswordResetHandler.PerAddressPerHour);

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        (await ForgotAsync(factory.From("203.0.113.60"), email)).ShouldBe(answers[0]);
        await DrainQueueAsync();
        MailsTo(email).ShouldBe(RequestPasswordResetHandler.PerAddressPerHour + 1, "an hour later the address may ask again");
    }

    [Fact]
    public async Task One_ip_asking_for_reset_links_too_often_gets_429_in_thai()
    {
        var client = factory.From("203.0.113.90");
        for (var i = 0; i < AccountAbuseFactory.ForgotPasswordPerMinute; i++)
        {
            (await ForgotAsync(client, $"someone-{i}-{Guid.NewGuid():N}@wiangha.test")).Status.ShouldBe(HttpStatusCode.OK);
        }

        var limited = await client.PostFormAsync("/account/forgot-password", [new("Email", $"another-{Guid.NewGuid():N}@wiangha.test")]);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("มีคำขอตั้งรหัสผ่านใหม่ถี่เกินไป");
        (await ForgotAsync(factory.From("203.0.113.91"), $"other-{Guid.NewGuid():N}@wiangha.test")).Status.ShouldBe(HttpStatusCode.OK, "another address is not limited");
    }

    [Fact]
    public async Task A_malformed_address_is_told_beside_the_field()
    {
        var response = await factory.From("203.0.113.95").PostFormAsync("/account/forgot-password", [new("Email", "not-an-email")]);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        page.QuerySelector("[data-valmsg-for=Email]")!.TextContent.ShouldContain("กรุณากรอกอีเมลให้ถูกต้อง");
        page.QuerySelector("[data-testid=reset-sent]").ShouldBeNull();
    }

    private sealed record Attempt(HttpStatusCode Status, string Error, int Verifications, string Body);

    private async Task<Attempt> SignInAsync(BrowserlessClient client, string email, string password)
    {
        var token = await client.AntiforgeryTokenAsync("/account/sign-in");
        var before = factory.Verifications.Count;
        var response = await client.PostFormAsync("/account/sign-in", [new("Email", email), new("Password", password), new("__RequestVerificationToken", token)]);
        var verifications = factory.Verifications.Count - before;
        var body = await response.Content.ReadAsStringAsync();
        var error = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body).QuerySelector("[data-testid=sign-in-error]")?.TextContent.Trim() ?? "";
        return new Attempt(response.StatusCode, error, verifications, Normalise(body, email));
    }

    private static async Task<(HttpStatusCode Status, string Body)> ForgotAsync(BrowserlessClient client, string email)
    {
        var response = await client.PostFormAsync("/account/forgot-password", [new("Email", email)]);
        return (response.StatusCode, Normalise(await response.Content.ReadAsStringAsync(), email));
    }

    /// <summary>The page without what differs by design: the address echoed in its field and the antiforgery token.</summary>
    private static string Normalise(string body, string email) =>
        AntiforgeryValue().Replace(body.Replace(email, "{email}", StringComparison.Ordinal), "value=\"{token}\"");

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex AntiforgeryValue();

    private async Task<int> DrainQueueAsync()
    {
        await using var scope = factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<SendQueuedMail>().RunAsync();
    }

    private int MailsTo(string email) => factory.Smtp.Received.Count(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)));

    private async Task<List<OutgoingMail>> QueuedFor(params string[] addresses)
    {
        await using var scope = factory.Scope();
        var lower = addresses.Select(a => a.ToLowerInvariant()).ToList();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().OutgoingMails.AsNoTracking()
            .Where(m => lower.Contains(m.To)).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<string> CreatePasswordlessUserAsync()
    {
        await using var scope = factory.Scope();
        var email = $"no-password-{Guid.NewGuid():N}@wiangha.test";
        (await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().CreateAsync(new PlatformUser { Email = email, UserName = email }))
            .Succeeded.ShouldBeTrue();
        return email;
    }
}
