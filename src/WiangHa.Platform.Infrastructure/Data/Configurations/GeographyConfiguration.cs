using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WiangHa.Platform.Domain.Geography;

namespace WiangHa.Platform.Infrastructure.Data.Configurations;

public sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(2).IsUnicode(false);
        builder.Property(p => p.NameTh).HasMaxLength(100);
        builder.Property(p => p.NameEn).HasMaxLength(100);
        builder.HasMany(p => p.Districts).WithOne().HasForeignKey(d => d.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(4).IsUnicode(false);
        builder.Property(d => d.ProvinceCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(d => d.NameTh).HasMaxLength(100);
        builder.Property(d => d.NameEn).HasMaxLength(100);
    }
}
