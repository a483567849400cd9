using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Domain.Alerts;

/// <summary>
/// Where an LAO's (or a province's) alerts also go besides its people: its own LINE Official Account (a channel access
/// token and the group or user to push to) or an outgoing webhook (a URL and the key its payloads are signed with).
/// Exactly one of <see cref="OrganisationId"/> and <see cref="ProvinceCode"/> is set. The secret is stored protected
/// (ASP.NET Core Data Protection) and never shown again after saving.
/// </summary>
public sealed class AlertConnection : IOrganisationScoped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? OrganisationId { get; init; }
    public string? ProvinceCode { get; init; }

    /// <summary><see cref="AlertChannel.Line"/> or <see cref="AlertChannel.Webhook"/>.</summary>
    public AlertChannel Channel { get; init; }

    /// <summary>The LINE group or user id to push to ("C…", "U…"), or the webhook's https URL.</summary>
    public required string Target { get; set; }

    /// <summary>The LINE channel access token or the webhook's HMAC key, protected; never logged, never shown.</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>LINE only: messages the account may push in a calendar month (Bangkok) before alerts stop (free plan: 300).</summary>
    public int? MonthlyQuota { get; set; }

    public bool Enabled { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }

    Guid? IOrganisationScoped.ScopeOrganisationId => OrganisationId;
}
