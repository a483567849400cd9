using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Server;
using WiangHa.Platform.Infrastructure.Identity;
using WiangHa.Platform.Infrastructure.Seeding;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Identity;

/// <summary>
/// Standards checks of the issuer with a real OpenID Connect client library (Duende.IdentityModel) on real Kestrel:
/// PKCE S256 only, refresh-token replay, revocation of a grant, per-client revocation and introspection, the API's
/// audience, no personal data in access tokens, prompt/max_age/auth_time, errors and sign-out back to the client,
/// claims in discovery, one JSON type per claim and WWW-Authenticate on the API's 401.
/// </summary>
public sealed class OidcConformanceTests(KestrelPlatformFactory factory) : IClassFixture<KestrelPlatformFactory>
{
    private const string RedirectUri = OidcTestClient.RedirectUri;

    private OidcTestClient Oidc { get; } = new(factory);

    [Fact]
    public async Task Only_s256_is_advertised_and_a_plain_challenge_is_refused_back_at_the_client()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var browser = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        var url = new RequestUrl(disco.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId, OidcConstants.ResponseTypes.Code, "openid measures:read", RedirectUri, state: "s",
            codeChallenge: "a-plain-challenge-that-is-long-enough-for-the-spec-1234567", codeChallengeMethod: OidcConstants.CodeChallengeMethods.Plain);
        var response = await browser.Http.GetAsync(url);

        disco.CodeChallengeMethodsSupported.ShouldBe(["S256"]);
        var callback = Callback(response);
        callback.Error.ShouldBe("invalid_request");
        callback.Code.ShouldBeNull();
        callback.State.ShouldBe("s");
    }

    [Fact]
    public async Task Authorization_errors_go_back_to_the_clients_redirect_uri()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var browser = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        var withoutPkce = await browser.Http.GetAsync(new RequestUrl(disco.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId, OidcConstants.ResponseTypes.Code, "openid measures:read", RedirectUri, state: "no-pkce"));
        var unknownScope = await browser.Http.GetAsync(new RequestUrl(disco.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId, OidcConstants.ResponseTypes.Code, "openid measures:write", RedirectUri, state: "scope",
            codeChallenge: OidcTestClient.Challenge(CryptoRandom.CreateUniqueId(32)), codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256));

        Callback(withoutPkce).Error.ShouldBe("invalid_request");
        Callback(withoutPkce).State.ShouldBe("no-pkce");
        Callback(unknownScope).Error.ShouldBe("invalid_request");
        Callback(unknownScope).State.ShouldBe("scope");
    }

    [Fact]
    public async Task A_refresh_token_replayed_after_the_leeway_revokes_the_whole_chain()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var first = await Oidc.CodeFlowAsync(disco, clientId, a.Editor, "openid offline_access measures:read");
        var second = await Refresh(http, disco, clientId, first.RefreshToken!);
        second.IsError.ShouldBeFalse(second.Error);

        factory.Clock.Advance(TimeSpan.FromSeconds(4)); // the leeway is 3 seconds
        var replay = await Refresh(http, disco, clientId, first.RefreshToken!);

        replay.IsError.ShouldBeTrue("a redeemed refresh token used again after the leeway");
        replay.Error.ShouldBe("invalid_grant");
        (await Oidc.ApiAsync(second.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Refresh(http, disco, clientId, second.RefreshToken!)).Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Revoking_a_refresh_token_ends_its_grants_access_tokens()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var tokens = await Oidc.CodeFlowAsync(disco, clientId, a.Editor, "openid offline_access measures:read");
        (await Oidc.ApiAsync(tokens.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await http.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = disco.RevocationEndpoint, ClientId = clientId, Token = tokens.RefreshToken!, TokenTypeHint = "refresh_token",
        });

        revoked.IsError.ShouldBeFalse(revoked.Error);
        (await Oidc.ApiAsync(tokens.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Refresh(http, disco, clientId, tokens.RefreshToken!)).Error.ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task Only_the_tokens_own_client_may_revoke_or_introspect_it()
    {
        var a = await factory.Data.CreateTenantAsync();
        var owner = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        var otherPublic = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        var (otherConfidential, secret) = await Oidc.RegisterMachineClientAsync($"{a.Id:N}:viewer");
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var tokens = await Oidc.CodeFlowAsync(disco, owner, a.Editor, "openid offline_access measures:read");

        var revokeAccess = await http.RevokeTokenAsync(new TokenRevocationRequest { Address = disco.RevocationEndpoint, ClientId = otherPublic, Token = tokens.AccessToken! });
        var revokeRefresh = await http.RevokeTokenAsync(new TokenRevocationRequest { Address = disco.RevocationEndpoint, ClientId = otherPublic, Token = tokens.RefreshToken! });
        var introspect = await http.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = disco.IntrospectionEndpoint, ClientId = otherConfidential, ClientSecret = secret, Token = tokens.AccessToken!,
        });

        // RFC 7009 lets the answer be 200 either way; what matters is that nothing was revoked (checked below).
        revokeAccess.HttpStatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        revokeRefresh.HttpStatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        (introspect.IsError || !introspect.IsActive).ShouldBeTrue("another client learns nothing about the token");
        introspect.Claims.ShouldNotContain(c => c.Type == "sub");
        (await Oidc.ApiAsync(tokens.AccessToken!, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Refresh(http, disco, owner, tokens.RefreshToken!)).IsError.ShouldBeFalse();
    }

    [Fact]
    public async Task Access_tokens_are_for_the_api_audience_and_the_api_requires_it()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var tokens = await Oidc.CodeFlowAsync(await Oidc.DiscoverAsync(http), clientId, a.Editor, "openid measures:read");
        var payload = Payload(tokens.AccessToken!);

        payload["aud"]!.ToString().ShouldBe("wiangha-api");
        // The same token signed again by the issuer's key: accepted with its audience, refused without one.
        var resigned = Resign(tokens.AccessToken!, payload);
        payload.Remove("aud");
        var withoutAudience = Resign(tokens.AccessToken!, payload);
        (await Oidc.ApiAsync(resigned, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Oidc.ApiAsync(withoutAudience, HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Access_tokens_carry_no_personal_data_which_stays_in_the_id_token_and_userinfo()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read", "email"]);
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var tokens = await Oidc.CodeFlowAsync(disco, clientId, a.Editor, "openid profile email measures:read");

        var access = Payload(tokens.AccessToken!);
        var identity = Payload(tokens.IdentityToken!);
        var userInfo = await http.GetUserInfoAsync(new UserInfoRequest { Address = disco.UserInfoEndpoint, Token = tokens.AccessToken! });

        access.ShouldNotContainKey("name");
        access.ShouldNotContainKey("email");
        access.ShouldNotContainKey("preferred_username");
        access.ToJsonString().ShouldNotContain(a.Editor.Email);
        identity["email"]!.ToString().ShouldBe(a.Editor.Email);
        identity.ShouldContainKey("name");
        userInfo.IsError.ShouldBeFalse(userInfo.Error);
        userInfo.Claims.ShouldContain(c => c.Type == "email" && c.Value == a.Editor.Email);
    }

    [Fact]
    public async Task Membership_and_role_claims_are_always_json_arrays()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        var (machine, secret) = await Oidc.RegisterMachineClientAsync($"{a.Id:N}:viewer");
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var person = await Oidc.CodeFlowAsync(disco, clientId, a.Editor, "openid measures:read");
        var client = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = machine, ClientSecret = secret, Scope = "measures:read",
        });

        foreach (var token in new[] { person.AccessToken!, client.AccessToken! })
        {
            var payload = Payload(token);
            payload["wh:membership"].ShouldBeOfType<JsonArray>().Count.ShouldBe(1);
            (payload["role"] is null or JsonArray).ShouldBeTrue("roles, when there are any, are an array too");
        }

        var userInfo = await http.GetUserInfoAsync(new UserInfoRequest { Address = disco.UserInfoEndpoint, Token = person.AccessToken! });
        userInfo.Json!.Value.GetProperty("wh:membership").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task Discovery_lists_the_claims_and_prompt_values()
    {
        using var http = new HttpClient();

        var disco = await Oidc.DiscoverAsync(http);

        foreach (var claim in new[] { "sub", "name", "preferred_username", "email", "role", "auth_time", "wh:membership", "wh:province" })
        {
            disco.ClaimsSupported.ShouldContain(claim);
        }

        disco.TryGetStringArray("prompt_values_supported").ShouldContain("none");
    }

    [Fact]
    public async Task Prompt_none_without_a_session_returns_login_required_to_the_client()
    {
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        using var anonymous = factory.CreateBrowserClient();

        var response = await anonymous.GetAsync(AuthorizeUrl(disco, clientId, "none-1", prompt: "none"));

        var callback = Callback(response);
        callback.Error.ShouldBe("login_required");
        callback.State.ShouldBe("none-1");
    }

    [Fact]
    public async Task Max_age_asks_for_a_fresh_sign_in_and_the_id_token_says_when_it_was()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var browser = await BrowserlessClient.SignedInAsync(factory, a.Editor);
        var signedInAt = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        var recentEnough = await browser.Http.GetAsync(AuthorizeUrl(disco, clientId, "fresh", maxAge: 600));
        var tooOld = await browser.Http.GetAsync(AuthorizeUrl(disco, clientId, "old", maxAge: 60));
        var tooOldSilently = await browser.Http.GetAsync(AuthorizeUrl(disco, clientId, "old-silent", maxAge: 60, prompt: "none"));

        var code = Callback(recentEnough);
        code.Code.ShouldNotBeNull(code.Error);
        var tokens = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = clientId, Code = code.Code, RedirectUri = RedirectUri, CodeVerifier = Verifier,
        });
        tokens.IsError.ShouldBeFalse(tokens.Error);
        Payload(tokens.IdentityToken!)["auth_time"]!.GetValue<long>().ShouldBe(signedInAt.ToUnixTimeSeconds());
        tooOld.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        tooOld.Headers.Location!.ToString().ShouldContain("/account/sign-in");
        Callback(tooOldSilently).Error.ShouldBe("login_required");
    }

    [Fact]
    public async Task End_session_returns_to_the_registered_post_logout_redirect_uri()
    {
        var a = await factory.Data.CreateTenantAsync();
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var tokens = await Oidc.CodeFlowAsync(disco, clientId, a.Editor, "openid measures:read");
        var browser = await BrowserlessClient.SignedInAsync(factory, a.Editor);

        var url = new RequestUrl(disco.EndSessionEndpoint!).CreateEndSessionUrl(
            idTokenHint: tokens.IdentityToken, postLogoutRedirectUri: OidcTestClient.PostLogoutRedirectUri, state: "bye");
        var response = await browser.Http.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith(OidcTestClient.PostLogoutRedirectUri);
        response.Headers.Location!.ToString().ShouldContain("state=bye");
        OpenIdClientRegistrar.Describe(DemoDataSeeder.DemoClients.Single(c => c.ClientId == "wiangha-demo-app"))
            .PostLogoutRedirectUris.ShouldNotBeEmpty("the seeded app for people has a registered post-logout address");
    }

    [Fact]
    public async Task Api_401s_say_www_authenticate_bearer_with_the_error_for_a_bad_token()
    {
        var a = await factory.Data.CreateTenantAsync();
        using var api = new HttpClient { BaseAddress = factory.BaseAddress };

        var none = await api.GetAsync($"/api/v1/t/{a.Slug}/measures");
        var bad = await Oidc.ApiAsync("not-a-token", HttpMethod.Get, $"/api/v1/t/{a.Slug}/measures");

        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        none.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Bearer");
        bad.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        bad.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Bearer" && h.Parameter!.Contains("error=\"invalid_token\""));
    }

    private const string Verifier = "a-fixed-verifier-for-the-max-age-test-0123456789abcdef";

    private static string AuthorizeUrl(DiscoveryDocumentResponse disco, string clientId, string state, int? maxAge = null, string? prompt = null) =>
        new RequestUrl(disco.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId, OidcConstants.ResponseTypes.Code, "openid measures:read", RedirectUri, state: state, prompt: prompt, maxAge: maxAge,
            codeChallenge: OidcTestClient.Challenge(Verifier), codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);

    /// <summary>The authorization response as the client receives it: a redirect to its own redirect_uri.</summary>
    private static AuthorizeResponse Callback(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith(RedirectUri);
        return new AuthorizeResponse(location);
    }

    private static Task<TokenResponse> Refresh(HttpClient http, DiscoveryDocumentResponse disco, string clientId, string refreshToken) =>
        http.RequestRefreshTokenAsync(new RefreshTokenRequest { Address = disco.TokenEndpoint, ClientId = clientId, RefreshToken = refreshToken });

    private static JsonObject Payload(string jwt) =>
        JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(new JsonWebToken(jwt).EncodedPayload))!.AsObject();

    private string Resign(string original, JsonObject payload)
    {
        var credentials = factory.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0];
        var type = new JsonWebToken(original).Typ;
        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), credentials, new Dictionary<string, object> { ["typ"] = type });
    }
}
