using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Infrastructure.Audit;

/// <summary>
/// One entry of the audit trail: who did what, when, from where, in which tenant. Append-only: the interceptor
/// refuses updates and deletes. Not tenant-owned (sign-in failures have no tenant; operators read all) but of the
/// second tier (<see cref="IOrganisationScoped"/>): inside a tenant only that LAO's entries are visible.
/// </summary>
public sealed class AuditEvent : IOrganisationScoped
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>e.g. <c>sign-in.succeeded</c>, <c>measure.updated</c>, <c>membership.role-changed</c>.</summary>
    public required string Action { get; init; }

    public Guid? TenantId { get; init; }
    public Guid? ActorUserId { get; init; }
    public string? ActorName { get; init; }
    public string? IpAddress { get; init; }

    /// <summary>What was acted on, e.g. <c>Measure</c> and its id.</summary>
    public string? SubjectType { get; init; }
    public string? SubjectId { get; init; }

    /// <summary>JSON: the values before and after (changed fields only), or other details.</summary>
    public string? Details { get; init; }

    Guid? IOrganisationScoped.ScopeOrganisationId => TenantId;
}

public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string SignInRefusedSuspended = "sign-in.refused-suspended";
    public const string SignedOutEverywhere = "sign-out.everywhere";
    public const string TwoFactorEnabled = "2fa.enabled";
    public const string TwoFactorDisabled = "2fa.disabled";
    public const string PasswordReset = "password.reset";
    public const string InvitationSent = "invitation.sent";
    public const string InvitationAccepted = "invitation.accepted";
    public const string Export = "export";
    public const string MilestonesSaved = "alerts.milestones-saved";
    public const string AlertPolicySaved = "alerts.policy-saved";
    public const string AlertRetried = "alerts.retried";
    public const string FailedAlertsRetried = "alerts.failed-retried";

    // Entity changes are named {entity}.added|modified|deleted (AuditedEntities), except these, which say what happened.
    public const string ReportPublished = "report.published";
    public const string ReportUnpublished = "report.unpublished";
    public const string ReportImportConfirmed = "report-import.confirmed";
    public const string ItaManualImported = "ita-manual.imported";
    public const string ItaManualPublished = "ita-manual.published";
    public const string OrganisationSuspended = "organisation.suspended";
    public const string OrganisationReactivated = "organisation.reactivated";

    /// <summary>A signed-in user asked for another LAO (its slug, or one of its rows by id) and got 404.</summary>
    public const string AccessRefused = "access.refused";
}
