using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WiangHa.Platform.Domain.Dashboards;
using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Infrastructure.Data.Configurations;

public sealed class LaoStandingConfiguration : IEntityTypeConfiguration<LaoStanding>
{
    public void Configure(EntityTypeBuilder<LaoStanding> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ProvinceCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(s => s.DistrictCode).HasMaxLength(4).IsUnicode(false);
        builder.Property(s => s.Rating).HasMaxLength(100);
        builder.Property(s => s.Score).HasPrecision(5, 2);
        builder.Property(s => s.FailingItems).HasMaxLength(1000).IsUnicode(false);
        builder.Property(s => s.WarningItems).HasMaxLength(1000).IsUnicode(false);
        builder.Ignore(s => s.FailingItemCodes);
        builder.Ignore(s => s.WarningItemCodes);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OrganisationId, s.AssessmentYear }).IsUnique();
        // A province's dashboard and the national ranking both read one year's rows by province.
        builder.HasIndex(s => new { s.AssessmentYear, s.ProvinceCode });
    }
}

public sealed class ProvinceDayFigureConfiguration : IEntityTypeConfiguration<ProvinceDayFigure>
{
    public void Configure(EntityTypeBuilder<ProvinceDayFigure> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ProvinceCode).HasMaxLength(2).IsUnicode(false);
        builder.Property(f => f.AverageScore).HasPrecision(5, 2);
        builder.HasIndex(f => new { f.AssessmentYear, f.ProvinceCode, f.Day }).IsUnique();
    }
}
