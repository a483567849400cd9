using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WiangHa.Platform.Domain.Geography;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Audit;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Infrastructure.Data.Configurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.PlatformRole).HasMaxLength(64);
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.OrganisationId);
        // Redeeming sets AcceptedAt once; a racing second redemption fails instead of succeeding twice.
        builder.Property(i => i.AcceptedAt).IsConcurrencyToken();
        builder.PrimitiveCollection(i => i.ProvinceCodes);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SupervisorAssignmentConfiguration : IEntityTypeConfiguration<SupervisorAssignment>
{
    public void Configure(EntityTypeBuilder<SupervisorAssignment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ProvinceCode).HasMaxLength(2).IsUnicode(false);
        builder.HasIndex(a => new { a.UserId, a.ProvinceCode }).IsUnique();
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Province>().WithMany().HasForeignKey(a => a.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.IpAddress).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.SubjectType).HasMaxLength(64).IsUnicode(false);
        builder.Property(e => e.SubjectId).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(e => new { e.TenantId, e.Id });
        builder.HasIndex(e => e.OccurredAt);
    }
}

public sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Account).HasMaxLength(256);
        builder.Property(a => a.Client).HasMaxLength(64).IsUnicode(false);
        // The throttle's questions: this client's attempts on this account, and the account's failures of the hour.
        builder.HasIndex(a => new { a.Account, a.Client, a.At });
        builder.HasIndex(a => new { a.Account, a.At });
        builder.HasIndex(a => a.At);
    }
}
