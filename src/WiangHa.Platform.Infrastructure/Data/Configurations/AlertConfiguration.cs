using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WiangHa.Platform.Domain.Alerts;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Infrastructure.Data.Configurations;

public sealed class AssessmentMilestoneConfiguration : IEntityTypeConfiguration<AssessmentMilestone>
{
    public void Configure(EntityTypeBuilder<AssessmentMilestone> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Key).HasMaxLength(40).IsUnicode(false);
        builder.Property(m => m.NameTh).HasMaxLength(200);
        builder.Property(m => m.NameEn).HasMaxLength(200);
        builder.HasIndex(m => new { m.AssessmentYear, m.Key }).IsUnique();
    }
}

public sealed class AlertPolicyConfiguration : IEntityTypeConfiguration<AlertPolicy>
{
    public void Configure(EntityTypeBuilder<AlertPolicy> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.LeadDays).HasMaxLength(100).IsUnicode(false);
        builder.Ignore(p => p.LeadDayList);
    }
}

public sealed class AlertMessageConfiguration : IEntityTypeConfiguration<AlertMessage>
{
    public void Configure(EntityTypeBuilder<AlertMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(200).IsUnicode(false);
        // The guarantee against doubles: a second planning of the same occasion cannot insert the same key.
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.Property(m => m.ProvinceCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(m => m.Address).HasMaxLength(500);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.LinkPath).HasMaxLength(500);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(m => m.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AlertConnection>().WithMany().HasForeignKey(m => m.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        // The LINE quota counts a connection's messages sent in the month.
        builder.HasIndex(m => new { m.ConnectionId, m.SentAt });
        // The sender's scan: what is due, oldest first.
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Title).HasMaxLength(500);
        builder.Property(n => n.LinkPath).HasMaxLength(500);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

public sealed class AlertConnectionConfiguration : IEntityTypeConfiguration<AlertConnection>
{
    public void Configure(EntityTypeBuilder<AlertConnection> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ProvinceCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(c => c.Target).HasMaxLength(500);
        builder.Property(c => c.ProtectedSecret).HasMaxLength(4000).IsUnicode(false);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.OrganisationId);
        builder.HasIndex(c => c.ProvinceCode);
    }
}

public sealed class PlatformUserAlertConfiguration : IEntityTypeConfiguration<PlatformUser>
{
    public void Configure(EntityTypeBuilder<PlatformUser> builder) =>
        builder.Property(u => u.PreferredLanguage).HasMaxLength(5).IsUnicode(false).HasDefaultValue("th");
}
