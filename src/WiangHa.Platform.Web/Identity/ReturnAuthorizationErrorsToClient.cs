using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// An authorization request refused while it is checked (no PKCE, a scope the client may not ask for…) goes back to
/// the client's redirect_uri with the OAuth error, as RFC 6749 §4.1.2.1 asks, whenever that redirect_uri is one
/// registered for the client. Only an unknown client or redirect_uri is answered at the issuer itself.
/// </summary>
public sealed class ReturnAuthorizationErrorsToClient(IOpenIddictApplicationManager applications)
    : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
            .UseScopedHandler<ReturnAuthorizationErrorsToClient>()
            .SetOrder(OpenIddictServerHandlers.Authentication.AttachRedirectUri.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        if (!string.IsNullOrEmpty(context.RedirectUri) || string.IsNullOrEmpty(context.Error)
            || context.Request is not { ClientId: { Length: > 0 } clientId, RedirectUri: { Length: > 0 } redirectUri })
        {
            return;
        }

        var application = await applications.FindByClientIdAsync(clientId, context.CancellationToken);
        if (application is not null && await applications.ValidateRedirectUriAsync(application, redirectUri, context.CancellationToken))
        {
            context.RedirectUri = redirectUri;
        }
    }
}
