using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WiangHa.Platform.Domain.Geography;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Infrastructure.Identity;

namespace WiangHa.Platform.Infrastructure.Data.Configurations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public const int SlugMaxLength = 63;

    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Slug).HasMaxLength(SlugMaxLength).IsUnicode(false);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.NameTh).HasMaxLength(200);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.ProvinceCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(o => o.DistrictCode).HasMaxLength(4).IsUnicode(false);
        builder.HasOne<Province>().WithMany().HasForeignKey(o => o.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<District>().WithMany().HasForeignKey(o => o.DistrictCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.ProvinceCode);
        builder.Property(o => o.DlaCode).HasMaxLength(RegisteredLaoConfiguration.DlaCodeLength).IsUnicode(false);
        // One tenant per registry entry; LAOs onboarded before the registry (or outside it) have none.
        builder.HasIndex(o => o.DlaCode).IsUnique();
    }
}

public sealed class RegisteredLaoConfiguration : IEntityTypeConfiguration<RegisteredLao>
{
    public const int DlaCodeLength = 7;

    public void Configure(EntityTypeBuilder<RegisteredLao> builder)
    {
        builder.HasKey(r => r.DlaCode);
        builder.Property(r => r.DlaCode).HasMaxLength(DlaCodeLength).IsUnicode(false);
        builder.Property(r => r.NameTh).HasMaxLength(200);
        builder.Property(r => r.ProvinceCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(r => r.DistrictCode).HasMaxLength(4).IsUnicode(false);
        builder.Ignore(r => r.ShortName);
        builder.Ignore(r => r.FullName);
        builder.HasOne<Province>().WithMany().HasForeignKey(r => r.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<District>().WithMany().HasForeignKey(r => r.DistrictCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ProvinceCode);
    }
}

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.UserId, m.OrganisationId }).IsUnique();
        builder.HasIndex(m => m.OrganisationId);
        builder.Ignore(m => m.EffectiveAlertReception);
        builder.HasOne<PlatformUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Name).HasMaxLength(OrgUnit.NameMaxLength);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.TenantId, u.Name }).IsUnique();
    }
}
