using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WiangHa.Platform.IntegrationTests.Infrastructure;

/// <summary>
/// A real OpenID Connect client (Duende.IdentityModel) of the platform on Kestrel: discovery, a public client with
/// code + PKCE for a person signed in through the real sign-in form, and API calls with the access token.
/// </summary>
public sealed class OidcTestClient(KestrelPlatformFactory factory)
{
    public const string RedirectUri = "http://127.0.0.1/callback";
    public const string PostLogoutRedirectUri = "http://127.0.0.1/signed-out";

    public static string Challenge(string verifier) =>
        System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));

    public async Task<DiscoveryDocumentResponse> DiscoverAsync(HttpClient http) =>
        await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = factory.BaseAddress.ToString(),
            Policy = { RequireHttps = false },
        });

    public async Task<TokenResponse> CodeFlowAsync(DiscoveryDocumentResponse disco, string clientId, TestUser user, string scope)
    {
        var verifier = CryptoRandom.CreateUniqueId(32);
        var challenge = Challenge(verifier);
        var browser = await BrowserlessClient.SignedInAsync(factory, user);
        var url = new RequestUrl(disco.AuthorizeEndpoint!).CreateAuthorizeUrl(
            clientId, OidcConstants.ResponseTypes.Code, scope, RedirectUri, state: "state-1", codeChallenge: challenge, codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);

        var response = await browser.Http.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var callback = new AuthorizeResponse(response.Headers.Location!.ToString());
        callback.IsError.ShouldBeFalse(callback.Error);
        callback.State.ShouldBe("state-1");
        using var http = new HttpClient();
        return await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = clientId, Code = callback.Code!, RedirectUri = RedirectUri, CodeVerifier = verifier,
        });
    }

    public async Task<HttpResponseMessage> ApiAsync(string accessToken, HttpMethod method, string path, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body, options: BrowserlessClient.Json);
        }

        return await http.SendAsync(request);
    }

    public async Task<string> RegisterPublicClientAsync(string[] apiScopes)
    {
        var clientId = $"spa-{Guid.NewGuid():N}";
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Test SPA",
            RedirectUris = { new Uri(RedirectUri) },
            PostLogoutRedirectUris = { new Uri(PostLogoutRedirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scope in apiScopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        await factory.RegisterClientAsync(descriptor);
        return clientId;
    }

    /// <summary>A confidential machine client (client credentials, introspection, revocation) acting as the given members.</summary>
    public async Task<(string ClientId, string Secret)> RegisterMachineClientAsync(params string[] memberships)
    {
        var clientId = $"machine-{Guid.NewGuid():N}";
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Provincial system (test)",
            Permissions =
            {
                Permissions.Endpoints.Token, Permissions.Endpoints.Introspection, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + "measures:read",
            },
        };
        descriptor.Properties["wh:memberships"] = System.Text.Json.JsonSerializer.SerializeToElement(memberships);
        await factory.RegisterClientAsync(descriptor);
        return (clientId, secret);
    }
}
