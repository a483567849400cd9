using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>One OAuth client as configured under <c>Identity:Clients</c> (secrets from the deployment's secret store).</summary>
public sealed class OpenIdClientSettings
{
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    public string? DisplayName { get; set; }

    /// <summary><c>authorization_code</c> (with refresh) for people's apps, <c>client_credentials</c> for machines.</summary>
    public List<string> GrantTypes { get; set; } = [];
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Where <c>/connect/endsession</c> may send the person after signing out (<c>post_logout_redirect_uri</c>).</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    public List<string> Scopes { get; set; } = [];

    /// <summary>For machine clients: what the client may read, as a person would ("{organisationId:N}:viewer").</summary>
    public List<string> Memberships { get; set; } = [];
    public List<string> Roles { get; set; } = [];
    public List<string> Provinces { get; set; } = [];
}

/// <summary>
/// Creates or updates the configured OAuth clients in OpenIddict's store. Runs with the migrations (explicit
/// <c>migrate</c> command, or start-up in the embedded default), so every replica sees the same clients.
/// </summary>
public sealed class OpenIdClientRegistrar(IOpenIddictApplicationManager applications, IConfiguration configuration, ILogger<OpenIdClientRegistrar> logger)
{
    public const string SectionName = "Identity:Clients";

    public async Task SyncAsync(IEnumerable<OpenIdClientSettings>? extra = null, CancellationToken cancellationToken = default)
    {
        var clients = (configuration.GetSection(SectionName).Get<List<OpenIdClientSettings>>() ?? []).Concat(extra ?? []);
        foreach (var client in clients)
        {
            var descriptor = Describe(client);
            var existing = await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }

            logger.LogInformation("OAuth client {ClientId} registered", client.ClientId);
        }
    }

    public static OpenIddictApplicationDescriptor Describe(OpenIdClientSettings client)
    {
        var confidential = !string.IsNullOrEmpty(client.ClientSecret);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client.DisplayName ?? client.ClientId,
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.Endpoints.Revocation]);
        if (confidential)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }

        foreach (var grant in client.GrantTypes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.GrantType + grant);
            if (grant == GrantTypes.AuthorizationCode)
            {
                descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession, Permissions.ResponseTypes.Code, Permissions.GrantTypes.RefreshToken]);
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            }
        }

        descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u)));
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => new Uri(u)));
        descriptor.Permissions.UnionWith(client.Scopes.Select(s => Permissions.Prefixes.Scope + s));
        descriptor.Properties["wh:memberships"] = JsonSerializer.SerializeToElement(client.Memberships);
        descriptor.Properties["wh:roles"] = JsonSerializer.SerializeToElement(client.Roles);
        descriptor.Properties["wh:provinces"] = JsonSerializer.SerializeToElement(client.Provinces);
        return descriptor;
    }
}
