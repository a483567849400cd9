using System.Net;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.IntegrationTests.Alerts;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Identity;

/// <summary>
/// Access ends on the next request: after a deactivation, a demotion, a suspension of the LAO, a password reset or a
/// sign-out, a bearer token and a copy of the session cookie, both taken before the event, are refused; a fresh
/// sign-in gets what the new state allows. Every event goes through the page an admin, operator or person uses.
/// </summary>
public sealed class AccessEndsTests(KestrelPlatformFactory factory) : IClassFixture<KestrelPlatformFactory>
{
    private const string NewPassword = "Brand-New-Pass-1";

    private OidcTestClient Oidc { get; } = new(factory);

    [Fact]
    public async Task Deactivated_member_loses_token_and_cookie_at_once_and_a_new_sign_in_has_no_lao()
    {
        var a = await factory.Data.CreateTenantAsync();
        var before = await HoldAsync(a, a.Editor);

        await AdminPostsAsync(a, "Deactivate", a.Editor);

        await before.ShouldBeRefusedAsync(a);
        var fresh = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        (await fresh.Http.GetAsync(MeasuresApi(a))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Demoted_editor_loses_token_and_cookie_at_once_and_a_new_sign_in_only_reads()
    {
        var a = await factory.Data.CreateTenantAsync();
        var before = await HoldAsync(a, a.Editor);

        await AdminPostsAsync(a, "ChangeRole", a.Editor, KeyValuePair.Create("role", "Viewer"));

        await before.ShouldBeRefusedAsync(a);
        var fresh = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        (await fresh.Http.GetAsync(MeasuresApi(a))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fresh.SendJsonAsync(HttpMethod.Post, MeasuresApi(a), MeasureInputs.Valid())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var token = await NewTokenAsync(a.Editor);
        (await Oidc.ApiAsync(token.AccessToken!, HttpMethod.Get, MeasuresApi(a))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Oidc.ApiAsync(token.AccessToken!, HttpMethod.Post, MeasuresApi(a), MeasureInputs.Valid())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Suspending_the_lao_ends_its_members_tokens_and_cookies_even_after_reactivation()
    {
        var a = await factory.Data.CreateTenantAsync();
        var before = await HoldAsync(a, a.Editor);
        var operatorClient = await OperatorAlerts.OperatorAsync(factory);
        var row = (await operatorClient.GetPageAsync("/operator?search=" + a.Slug))
            .QuerySelector($"[data-testid=organisation][data-slug='{a.Slug}'] input[name=id]")!.GetAttribute("value")!;

        (await operatorClient.PostFormAsync("/operator?handler=Suspend", [new("id", row)], "/operator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await before.ShouldBeRefusedAsync(a);
        var refused = await BrowserlessClient.Anonymous(factory).PostFormAsync("/account/sign-in", [new("Email", a.Editor.Email), new("Password", TestData.Password)]);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("ถูกระงับการใช้งาน");

        // Reactivation gives the LAO back, not the sessions and tokens of before the suspension.
        (await operatorClient.PostFormAsync("/operator?handler=Reactivate", [new("id", row)], "/operator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await before.ShouldBeRefusedAsync(a);
        var fresh = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        (await fresh.SendJsonAsync(HttpMethod.Post, MeasuresApi(a), MeasureInputs.Valid())).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Password_reset_ends_tokens_refresh_tokens_and_cookies()
    {
        var a = await factory.Data.CreateTenantAsync();
        var before = await HoldAsync(a, a.Editor);
        var resetLink = await ResetLinkAsync(a.Editor);
        var anonymous = BrowserlessClient.Anonymous(factory);

        var reset = await anonymous.PostFormAsync(resetLink, BrowserlessClient.FormValues(await anonymous.GetPageAsync(resetLink), "form").With("Password", NewPassword));
        reset.Headers.Location!.ToString().ShouldBe("/account/sign-in");

        await before.ShouldBeRefusedAsync(a);
        using var http = new HttpClient();
        var refreshed = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = before.Discovery.TokenEndpoint, ClientId = before.ClientId, RefreshToken = before.Tokens.RefreshToken!,
        });
        refreshed.IsError.ShouldBeTrue("a refresh token issued before the reset must not outlive it");
        refreshed.Error.ShouldBe("invalid_grant");
        var fresh = await BrowserlessClient.SignedInAsync(factory, a.Editor.Email, NewPassword);
        (await fresh.Http.GetAsync(MeasuresApi(a))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_out_ends_the_copied_cookie_and_the_tokens_and_a_new_sign_in_works()
    {
        var a = await factory.Data.CreateTenantAsync();
        var before = await HoldAsync(a, a.Editor);

        var signOut = await before.Browser.PostFormAsync("/account/sign-out", [], $"/t/{a.Slug}/measures");
        signOut.Headers.Location!.ToString().ShouldBe("/account/sign-in");

        await before.ShouldBeRefusedAsync(a);
        var fresh = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        (await fresh.SendJsonAsync(HttpMethod.Post, MeasuresApi(a), MeasureInputs.Valid())).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_plain_link_to_the_end_session_endpoint_asks_first_and_ends_nothing()
    {
        var a = await factory.Data.CreateTenantAsync();
        var before = await HoldAsync(a, a.Editor);

        // As an <img src> or a link in a forum post would: a GET with no id_token_hint.
        var link = await before.Browser.Http.GetAsync("/connect/endsession");
        link.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        link.Headers.Location!.ToString().ShouldBe("/account/sign-out");

        using var copy = before.Copy();
        (await copy.GetAsync(MeasuresApi(a))).StatusCode.ShouldBe(HttpStatusCode.OK, "the session goes on");
        (await Oidc.ApiAsync(before.Tokens.AccessToken!, HttpMethod.Get, MeasuresApi(a))).StatusCode.ShouldBe(HttpStatusCode.OK, "the token goes on");
    }

    private static string MeasuresApi(TestTenant tenant) => $"/api/v1/t/{tenant.Slug}/measures";

    /// <summary>What an attacker could hold before the event: the person's bearer tokens and a copy of their cookie.</summary>
    private async Task<Held> HoldAsync(TestTenant tenant, TestUser user)
    {
        var cookies = new CookieContainer();
        var browser = new BrowserlessClient(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = factory.BaseAddress });
        (await browser.PostFormAsync("/account/sign-in", [new("Email", user.Email), new("Password", TestData.Password)])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read", "measures:write"]);
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var tokens = await Oidc.CodeFlowAsync(disco, clientId, user, "openid offline_access measures:read measures:write");
        tokens.IsError.ShouldBeFalse(tokens.Error);
        var held = new Held(Oidc, factory.BaseAddress, browser, cookies.GetCookieHeader(factory.BaseAddress), disco, clientId, tokens);
        using var copy = held.Copy();
        (await copy.GetAsync(MeasuresApi(tenant))).StatusCode.ShouldBe(HttpStatusCode.OK, "the copied cookie works before the event");
        (await Oidc.ApiAsync(tokens.AccessToken!, HttpMethod.Get, MeasuresApi(tenant))).StatusCode.ShouldBe(HttpStatusCode.OK, "the token works before the event");
        return held;
    }

    private async Task<TokenResponse> NewTokenAsync(TestUser user)
    {
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read", "measures:write"]);
        using var http = new HttpClient();
        var tokens = await Oidc.CodeFlowAsync(await Oidc.DiscoverAsync(http), clientId, user, "openid measures:read measures:write");
        tokens.IsError.ShouldBeFalse(tokens.Error);
        return tokens;
    }

    private async Task AdminPostsAsync(TestTenant tenant, string handler, TestUser member, params KeyValuePair<string, string>[] fields)
    {
        var admin = await BrowserlessClient.SignedInAsync(factory, tenant.Admin);
        var page = $"/t/{tenant.Slug}/users";
        var membershipId = (await admin.GetPageAsync(page)).QuerySelector($"[data-testid=member][data-email='{member.Email}']")!.GetAttribute("data-membership")!;
        (await admin.PostFormAsync($"{page}?handler={handler}", [new("membershipId", membershipId), .. fields], page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>The link the forgot-password mail carries, made with the same token provider.</summary>
    private async Task<string> ResetLinkAsync(TestUser user)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        return $"/account/reset-password?email={Uri.EscapeDataString(user.Email)}&token={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}";
    }

    private sealed record Held(
        OidcTestClient Oidc, Uri BaseAddress, BrowserlessClient Browser, string CookieHeader, DiscoveryDocumentResponse Discovery, string ClientId, TokenResponse Tokens)
    {
        /// <summary>A client that sends the copied cookie and nothing else, as a thief replaying it would.</summary>
        public HttpClient Copy()
        {
            var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
            http.DefaultRequestHeaders.Add("Cookie", CookieHeader);
            return http;
        }

        public async Task ShouldBeRefusedAsync(TestTenant tenant)
        {
            var api = MeasuresApi(tenant);
            using var copy = Copy();
            (await copy.GetAsync(api)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the copied cookie on the API");
            var page = await copy.GetAsync($"/t/{tenant.Slug}/measures");
            page.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the copied cookie on a page");
            page.Headers.Location!.ToString().ShouldContain("/account/sign-in");
            (await Oidc.ApiAsync(Tokens.AccessToken!, HttpMethod.Get, api)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the old token reads");
            (await Oidc.ApiAsync(Tokens.AccessToken!, HttpMethod.Post, api, MeasureInputs.Valid())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the old token writes");
        }
    }
}
