namespace WiangHa.Platform.Infrastructure.Email;

public enum OutgoingMailKind
{
    /// <summary>Composed when queued (an invitation): sent as it is.</summary>
    Message = 1,

    /// <summary>
    /// A forgotten-password request for the address typed: the sender looks the account up, makes the link and mails
    /// it, or drops the row when the address has no account. The request itself never learns which.
    /// </summary>
    PasswordReset = 2,
}

public enum OutgoingMailState
{
    Pending = 1,

    /// <summary>Claimed by a sender until <see cref="OutgoingMail.LeaseUntil"/>; a lease that runs out is claimed again.</summary>
    Sending = 2,
    Sent = 3,

    /// <summary>Given up after <see cref="OutgoingMail.MaxAttempts"/> attempts.</summary>
    Failed = 4,

    /// <summary>Nothing to send: a reset request for an address without an account.</summary>
    Dropped = 5,
}

/// <summary>
/// One row of the platform's mail queue (identity mail: invitations and password resets). Requests only add rows;
/// <see cref="SendQueuedMail"/> claims and sends them off the request, on any replica, retrying with a backoff. Not
/// tenant-owned: the mail goes to a person, not to an LAO. Kept for <see cref="CrossTenantIdentityRetention"/>'s days.
/// </summary>
public sealed class OutgoingMail
{
    public const int MaxAttempts = 8;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public OutgoingMailKind Kind { get; init; }

    /// <summary>The recipient; for a reset request the address as typed (trimmed, lower case), which the per-address cap counts.</summary>
    public required string To { get; init; }
    public string Subject { get; init; } = "";
    public string TextBody { get; init; } = "";
    public string? HtmlBody { get; init; }

    /// <summary>For a reset request: the public address its link starts with.</summary>
    public string? LinkBase { get; init; }

    public OutgoingMailState State { get; set; } = OutgoingMailState.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The batch that claimed the row (one conditional update claims a batch; the sender then reads it back by this).</summary>
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: 1, 2, 4 … minutes, at most an hour.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempt - 1))));
}
