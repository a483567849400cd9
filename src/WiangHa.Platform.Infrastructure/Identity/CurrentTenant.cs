using WiangHa.Platform.Infrastructure.Tenancy;

namespace WiangHa.Platform.Infrastructure.Identity;

internal static class CurrentTenant
{
    /// <summary>
    /// The LAO whose people are managed. Memberships and invitations are the second tier, whose filter shows every row
    /// when no tenant is in effect, so these queries name the tenant as well; running them outside one is a bug, never
    /// a user's mistake.
    /// </summary>
    public static Guid CurrentTenantId(this IMultiTenantContextAccessor tenants) =>
        tenants.MultiTenantContext.TenantInfo?.Id ?? throw new InvalidOperationException("No tenant in effect.");
}
