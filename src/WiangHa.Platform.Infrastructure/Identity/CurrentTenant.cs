using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Identity;

internal static class CurrentTenant
{
    /// <summary>
    /// The LAO whose people are managed. Memberships and invitations are registry rows no tenant filter covers, so
    /// the queries name it; without one in effect they would be a bug, never a user's mistake.
    /// </summary>
    public static Guid CurrentTenantId(this IMultiTenantContextAccessor tenants) =>
        tenants.MultiTenantContext.TenantInfo?.Id ?? throw new InvalidOperationException("No tenant in effect.");
}
