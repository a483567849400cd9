using System.Security.Cryptography;
using WiangHa.Platform.Domain.Tenancy;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>
/// A one-time, expiring invitation by email: into an LAO with a tenant role, or to the platform with a platform role
/// (supervisors with their provinces). Only the SHA-256 of the token is stored; the link carries the token.
/// </summary>
public sealed class Invitation : IOrganisationScoped
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Email { get; init; }
    public Guid? OrganisationId { get; init; }
    public Domain.Organisations.TenantRole? TenantRole { get; init; }
    public string? PlatformRole { get; init; }
    public List<string> ProvinceCodes { get; init; } = [];
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? InvitedByUserId { get; init; }

    Guid? IOrganisationScoped.ScopeOrganisationId => OrganisationId;

    /// <summary>A new random token (URL-safe) and the hash to store.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A provincial supervisor's province (สถ.จ.): they read the LAOs of these provinces, never write.</summary>
public sealed class SupervisorAssignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid UserId { get; init; }
    public required string ProvinceCode { get; init; }
}
