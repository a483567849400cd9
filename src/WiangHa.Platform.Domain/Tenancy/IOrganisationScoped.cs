namespace WiangHa.Platform.Domain.Tenancy;

/// <summary>
/// The second tenancy tier: a registry row keyed by an organisation (memberships, invitations, audit events) that is
/// read before any tenant is chosen — at sign-in, to build claims, on operators' pages. Outside a tenant every row is
/// visible (callers name the user or organisation they want); inside a tenant the data layer confines reads to that
/// tenant (the named filter <c>Organisation</c>) and refuses writes for another one. Null means "of no organisation"
/// (a platform invitation, a failed sign-in): such rows are invisible inside every tenant.
/// </summary>
public interface IOrganisationScoped
{
    Guid? ScopeOrganisationId { get; }
}
