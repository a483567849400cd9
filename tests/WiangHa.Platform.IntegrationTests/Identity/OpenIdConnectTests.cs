using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenIddict.Abstractions;
using WiangHa.Platform.IntegrationTests.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WiangHa.Platform.IntegrationTests.Identity;

/// <summary>
/// A real OpenID Connect client library (Duende.IdentityModel) against the platform on real Kestrel: discovery,
/// code + PKCE, refresh, client credentials, introspection and revocation, then the API with the tokens.
/// </summary>
public sealed class OpenIdConnectTests(KestrelPlatformFactory factory) : IClassFixture<KestrelPlatformFactory>
{
    private const string RedirectUri = OidcTestClient.RedirectUri;

    private OidcTestClient Oidc { get; } = new(factory);

    [Fact]
    public async Task Discovery_document_advertises_the_endpoints_flows_and_scopes()
    {
        using var http = new HttpClient();
        var disco = await Discover(http);

        disco.IsError.ShouldBeFalse(disco.Error);
        disco.Issuer.ShouldBe(factory.BaseAddress.ToString());
        disco.AuthorizeEndpoint.ShouldEndWith("/connect/authorize");
        disco.TokenEndpoint.ShouldEndWith("/connect/token");
        disco.IntrospectionEndpoint.ShouldEndWith("/connect/introspect");
        disco.RevocationEndpoint.ShouldEndWith("/connect/revoke");
        disco.GrantTypesSupported.ShouldBe(["authorization_code", "refresh_token", "client_credentials"], ignoreOrder: true);
        disco.CodeChallengeMethodsSupported.ShouldContain("S256");
        disco.ScopesSupported.ShouldContain("measures:read");
        disco.ScopesSupported.ShouldContain("measures:write");
        disco.ScopesSupported.ShouldContain("dashboards:read");
        disco.ScopesSupported.ShouldContain("reports:read");
    }

    [Fact]
    public async Task Code_flow_with_pkce_gives_tokens_that_reach_only_the_users_tenant_and_refresh()
    {
        var a = await factory.Data.CreateTenantAsync();
        var b = await factory.Data.CreateTenantAsync();
        await factory.Data.CreateMeasureAsync(b);
        var clientId = await RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Discover(http);

        var tokens = await CodeFlowAsync(disco, clientId, a.Editor, "openid profile offline_access measures:read");

        tokens.IsError.ShouldBeFalse(tokens.Error);
        tokens.RefreshToken.ShouldNotBeNullOrEmpty();
        (await Api(tokens.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api(tokens.AccessToken!, HttpMethod.Get, $"/api/v1/t/{b.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The token lacks measures:write: an editor's write is refused for the token, not for the person.
        (await Api(tokens.AccessToken!, HttpMethod.Post, $"/api/v1/t/{a.Slug}/measures", MeasureInputs.Valid())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var refreshed = await http.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = disco.TokenEndpoint, ClientId = clientId, RefreshToken = tokens.RefreshToken! });
        refreshed.IsError.ShouldBeFalse(refreshed.Error);
        refreshed.AccessToken.ShouldNotBe(tokens.AccessToken);
        (await Api(refreshed.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_never_acts_in_the_pages_only_on_the_api()
    {
        var a = await factory.Data.CreateTenantAsync();
        var measure = await factory.Data.CreateMeasureAsync(a);
        var clientId = await RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var tokens = await CodeFlowAsync(await Discover(http), clientId, a.Editor, "openid measures:read");
        using var page = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = factory.BaseAddress };
        page.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        var list = await page.GetAsync($"/t/{a.Slug}/measures");
        var delete = await page.PostAsync($"/t/{a.Slug}/measures/{measure}/delete", new FormUrlEncodedContent([]));

        list.Headers.Location!.ToString().ShouldContain("/account/sign-in");
        delete.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await Api(tokens.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures/{measure}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_with_the_write_scope_lets_an_editor_create_a_measure()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await RegisterPublicClientAsync(["measures:read", "measures:write"]);
        using var http = new HttpClient();
        var tokens = await CodeFlowAsync(await Discover(http), clientId, a.Editor, "openid measures:read measures:write");

        var created = await Api(tokens.AccessToken!, HttpMethod.Post, $"/api/v1/t/{a.Slug}/measures", MeasureInputs.Valid());

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Authorization_request_without_pkce_is_refused()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Discover(http);
        var browser = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        var url = new RequestUrl(disco.AuthorizeEndpoint!).CreateAuthorizeUrl(clientId, OidcConstants.ResponseTypes.Code, "openid measures:read", RedirectUri, state: "s");
        var response = await browser.Http.GetAsync(url);

        var location = response.Headers.Location?.ToString() ?? await response.Content.ReadAsStringAsync();
        location.ShouldContain("invalid_request");
        location.ShouldContain("code_challenge");
        location.ShouldNotContain("code=");
    }

    [Fact]
    public async Task Client_credentials_introspection_and_revocation()
    {
        var a = await factory.Data.CreateTenantAsync();
        var (clientId, secret) = await RegisterMachineClientAsync($"{a.Id:N}:viewer");
        using var http = new HttpClient();
        var disco = await Discover(http);

        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = clientId, ClientSecret = secret, Scope = "measures:read",
        });
        token.IsError.ShouldBeFalse(token.Error);
        (await Api(token.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api(token.AccessToken!, HttpMethod.Post, $"/api/v1/t/{a.Slug}/measures", MeasureInputs.Valid())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var active = await http.IntrospectTokenAsync(new TokenIntrospectionRequest { Address = disco.IntrospectionEndpoint, ClientId = clientId, ClientSecret = secret, Token = token.AccessToken! });
        active.IsError.ShouldBeFalse(active.Error);
        active.IsActive.ShouldBeTrue();
        active.Claims.ShouldContain(c => c.Type == "client_id" && c.Value == clientId);
        active.Claims.ShouldContain(c => c.Type == "token_usage" && c.Value == "access_token");

        var revoked = await http.RevokeTokenAsync(new TokenRevocationRequest { Address = disco.RevocationEndpoint, ClientId = clientId, ClientSecret = secret, Token = token.AccessToken! });
        revoked.IsError.ShouldBeFalse(revoked.Error);
        var inactive = await http.IntrospectTokenAsync(new TokenIntrospectionRequest { Address = disco.IntrospectionEndpoint, ClientId = clientId, ClientSecret = secret, Token = token.AccessToken! });
        inactive.IsActive.ShouldBeFalse();
        (await Api(token.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Client_credentials_with_a_scope_the_client_may_not_ask_for_is_refused()
    {
        var a = await factory.Data.CreateTenantAsync();
        var (clientId, secret) = await RegisterMachineClientAsync($"{a.Id:N}:viewer");
        using var http = new HttpClient();

        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = (await Discover(http)).TokenEndpoint, ClientId = clientId, ClientSecret = secret, Scope = "measures:write",
        });

        token.IsError.ShouldBeTrue();
        token.Error.ShouldBe("invalid_request");
        token.ErrorDescription!.ShouldContain("not allowed to use the specified scope");
        token.AccessToken.ShouldBeNull();
    }

    [Fact]
    public async Task Deactivated_member_cannot_refresh_their_token()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Discover(http);
        var tokens = await CodeFlowAsync(disco, clientId, a.Viewer, "openid offline_access measures:read");
        var admin = await BrowserlessClient.SignedInAsync(factory, a.Admin);
        var usersPage = await admin.GetPageAsync($"/t/{a.Slug}/users");
        var membershipId = usersPage.QuerySelector($"[data-testid=member][data-email='{a.Viewer.Email}']")!.GetAttribute("data-membership")!;
        (await admin.PostFormAsync($"/t/{a.Slug}/users?handler=Deactivate", [new("membershipId", membershipId)], $"/t/{a.Slug}/users"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var refreshed = await http.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = disco.TokenEndpoint, ClientId = clientId, RefreshToken = tokens.RefreshToken! });

        refreshed.IsError.ShouldBeTrue();
        refreshed.Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Sign_out_everywhere_revokes_the_users_tokens_at_once()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Discover(http);
        var tokens = await CodeFlowAsync(disco, clientId, a.Editor, "openid offline_access measures:read");
        (await Api(tokens.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var browser = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        (await browser.PostFormAsync("/account/security?handler=SignOutEverywhere", [], "/account/security")).Headers.Location!.ToString().ShouldBe("/account/sign-in");

        (await Api(tokens.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var refreshed = await http.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = disco.TokenEndpoint, ClientId = clientId, RefreshToken = tokens.RefreshToken! });
        refreshed.IsError.ShouldBeTrue();
        (await browser.Http.GetAsync($"/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private Task<DiscoveryDocumentResponse> Discover(HttpClient http) => Oidc.DiscoverAsync(http);

    private Task<TokenResponse> CodeFlowAsync(DiscoveryDocumentResponse disco, string clientId, TestUser user, string scope) =>
        Oidc.CodeFlowAsync(disco, clientId, user, scope);

    private Task<HttpResponseMessage> Api(string accessToken, HttpMethod method, string path, object? body = null) =>
        Oidc.ApiAsync(accessToken, method, path, body);

    private Task<string> RegisterPublicClientAsync(string[] apiScopes) => Oidc.RegisterPublicClientAsync(apiScopes);

    private Task<(string ClientId, string Secret)> RegisterMachineClientAsync(params string[] memberships) => Oidc.RegisterMachineClientAsync(memberships);
}
