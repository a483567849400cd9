using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Domain.Alerts;

public enum AlertChannel
{
    InApp = 1,
    Email = 2,
    Line = 3,
    Webhook = 4,
}

public enum AlertState
{
    Pending = 1,

    /// <summary>Claimed by a sender until <see cref="AlertMessage.LeaseUntil"/>; a lease that runs out is claimed again.</summary>
    Sending = 2,
    Sent = 3,

    /// <summary>Given up after the last attempt, or refused outright: shown to operators, who may retry it.</summary>
    Failed = 4,
}

/// <summary>
/// One alert to one recipient on one channel: the outbox row. Its <see cref="IdempotencyKey"/> (LAO or province,
/// milestone, lead time, recipient, channel) is unique, so planning the same day twice, on two replicas or after a
/// restart adds nothing. Second tenancy tier (<see cref="IOrganisationScoped"/>): the planner, the sender and operators
/// read it outside any tenant; inside one only that LAO's rows are visible, and a province's rows never.
/// </summary>
public sealed class AlertMessage : IOrganisationScoped
{
    public const int MaxAttempts = 8;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string IdempotencyKey { get; init; }
    public AlertChannel Channel { get; init; }

    /// <summary>The LAO the alert is about (null for a province's escalation digest).</summary>
    public Guid? OrganisationId { get; init; }
    public string? ProvinceCode { get; init; }
    public Guid? RecipientUserId { get; init; }

    /// <summary>The LINE Official Account or webhook the row goes out through (null for in-app and email).</summary>
    public Guid? ConnectionId { get; init; }

    /// <summary>Email address, LINE target or webhook URL; empty for in-app.</summary>
    public string Address { get; init; } = "";
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public string? HtmlBody { get; init; }

    /// <summary>Where the alert leads in the app ("/t/wiangha/compliance?year=2570#O19").</summary>
    public string LinkPath { get; init; } = "";

    public AlertState State { get; set; } = AlertState.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: 1, 2, 4 … minutes, at most 6 hours.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Max(0, attempt - 1))));

    Guid? IOrganisationScoped.ScopeOrganisationId => OrganisationId;
}

/// <summary>
/// An entry of a user's notification centre: written by the sender for in-app alerts (same id as the alert). Owned by
/// its user, whichever LAO or province it is about: the centre reads by user id only, so the bell shows the same count
/// on every page.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public string LinkPath { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
}
