using System.Net;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using WiangHa.Platform.IntegrationTests.Infrastructure;

namespace WiangHa.Platform.IntegrationTests.Identity;

/// <summary>
/// The API's token-entry check, one rule at a time: an access token is refused on the next call once its own entry
/// is revoked or gone, or once only its grant is revoked, while its signature and lifetime are still good.
/// </summary>
public sealed class TokenEntryCheckTests(KestrelPlatformFactory factory) : IClassFixture<KestrelPlatformFactory>
{
    private OidcTestClient Oidc { get; } = new(factory);

    [Fact]
    public async Task A_token_whose_entry_is_revoked_is_refused_on_the_next_call()
    {
        var (tenant, accessToken) = await PersonTokenAsync();

        await using (var scope = factory.Scope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            (await tokens.TryRevokeAsync((await tokens.FindByIdAsync(TokenId(accessToken)))!)).ShouldBeTrue();
        }

        (await Oidc.ApiAsync(accessToken, HttpMethod.Get, MeasuresApi(tenant))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_whose_entry_is_deleted_is_refused_on_the_next_call()
    {
        var (tenant, accessToken) = await PersonTokenAsync();

        await using (var scope = factory.Scope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            await tokens.DeleteAsync((await tokens.FindByIdAsync(TokenId(accessToken)))!);
        }

        (await Oidc.ApiAsync(accessToken, HttpMethod.Get, MeasuresApi(tenant))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_valid_token_of_a_revoked_grant_is_refused_on_the_next_call()
    {
        var (tenant, accessToken) = await PersonTokenAsync();

        await using (var scope = factory.Scope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
            var token = (await tokens.FindByIdAsync(TokenId(accessToken)))!;
            var authorizationId = await tokens.GetAuthorizationIdAsync(token);
            authorizationId.ShouldNotBeNull("a code-flow token belongs to a grant");
            (await authorizations.TryRevokeAsync((await authorizations.FindByIdAsync(authorizationId))!)).ShouldBeTrue();
            (await tokens.HasStatusAsync(token, OpenIddictConstants.Statuses.Valid)).ShouldBeTrue("only the grant is revoked");
        }

        (await Oidc.ApiAsync(accessToken, HttpMethod.Get, MeasuresApi(tenant))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_machine_token_without_a_grant_works_until_its_entry_is_revoked()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var (clientId, secret) = await Oidc.RegisterMachineClientAsync($"{tenant.Id:N}:viewer");
        using var http = new HttpClient();
        var disco = await Oidc.DiscoverAsync(http);
        var response = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = disco.TokenEndpoint, ClientId = clientId, ClientSecret = secret, Scope = "measures:read",
        });
        response.IsError.ShouldBeFalse(response.Error);
        var accessToken = response.AccessToken!;
        (await Oidc.ApiAsync(accessToken, HttpMethod.Get, MeasuresApi(tenant))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = factory.Scope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            var token = (await tokens.FindByIdAsync(TokenId(accessToken)))!;
            (await tokens.GetAuthorizationIdAsync(token)).ShouldBeNull();
            (await tokens.TryRevokeAsync(token)).ShouldBeTrue();
        }

        (await Oidc.ApiAsync(accessToken, HttpMethod.Get, MeasuresApi(tenant))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static string MeasuresApi(TestTenant tenant) => $"/api/v1/t/{tenant.Slug}/measures";

    /// <summary>The entry id the access token carries (<c>oi_tkn_id</c>).</summary>
    private static string TokenId(string accessToken) =>
        new JsonWebToken(accessToken).GetClaim(OpenIddictConstants.Claims.Private.TokenId).Value;

    private async Task<(TestTenant Tenant, string AccessToken)> PersonTokenAsync()
    {
        var tenant = await factory.Data.CreateTenantAsync();
        var clientId = await Oidc.RegisterPublicClientAsync(["measures:read"]);
        using var http = new HttpClient();
        var tokens = await Oidc.CodeFlowAsync(await Oidc.DiscoverAsync(http), clientId, tenant.Editor, "openid measures:read");
        tokens.IsError.ShouldBeFalse(tokens.Error);
        (await Oidc.ApiAsync(tokens.AccessToken!, HttpMethod.Get, MeasuresApi(tenant))).StatusCode.ShouldBe(HttpStatusCode.OK, "the token works before");
        return (tenant, tokens.AccessToken!);
    }
}
