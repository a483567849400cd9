using OpenIddict.Abstractions;
using OpenIddict.Validation;
using WiangHa.Platform.Infrastructure.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;
using static OpenIddict.Validation.OpenIddictValidationHandlerFilters;
using static OpenIddict.Validation.OpenIddictValidationHandlers.Protection;

namespace WiangHa.Platform.Web.Identity;

/// <summary>
/// Stands in for OpenIddict's three token-entry handlers (<see cref="RestoreTokenEntryProperties"/>,
/// <see cref="ValidateTokenEntry"/>, <see cref="ValidateAuthorizationEntry"/>) with the same rules and one narrow read
/// (<see cref="TokenEntries"/>): the token must have an entry, the entry must be valid, and so must its grant when it
/// has one. Revocation stays immediate: the entry is read from the database on every call.
/// </summary>
public sealed class TokenEntryCheck(TokenEntries entries) : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; }
        = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .AddFilter<RequireTokenEntryValidationEnabled>()
            .UseScopedHandler<TokenEntryCheck>()
            .SetOrder(RestoreTokenEntryProperties.Descriptor.Order)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    /// <summary>The handlers this one replaces; removing them keeps a second, wider read of the same rows away.</summary>
    public static IEnumerable<OpenIddictValidationHandlerDescriptor> Replaced =>
        [RestoreTokenEntryProperties.Descriptor, ValidateTokenEntry.Descriptor, ValidateAuthorizationEntry.Descriptor];

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identifier = context.Principal?.GetTokenId();
        if (context.Principal is null || string.IsNullOrEmpty(identifier))
        {
            // A token without an entry (token storage off): nothing to look up, as in OpenIddict.
            return;
        }

        var entry = await entries.FindAsync(identifier, context.CancellationToken);
        if (entry is null
            || !string.Equals(entry.Status, Statuses.Valid, StringComparison.Ordinal)
            || (entry.AuthorizationId is not null && !string.Equals(entry.AuthorizationStatus, Statuses.Valid, StringComparison.Ordinal)))
        {
            context.Logger.LogInformation("The token {TokenId} was refused: its entry or its grant is no longer valid.", identifier);
            context.Reject(error: Errors.InvalidToken, description: "The specified token is no longer valid.");
            return;
        }

        context.Principal
            .SetCreationDate(Utc(entry.CreationDate))
            .SetExpirationDate(Utc(entry.ExpirationDate))
            .SetAuthorizationId(context.AuthorizationId = entry.AuthorizationId)
            .SetTokenId(context.TokenId = identifier)
            .SetTokenType(entry.Type);
    }

    private static DateTimeOffset? Utc(DateTime? date) =>
        date is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
