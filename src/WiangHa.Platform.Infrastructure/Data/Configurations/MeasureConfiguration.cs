using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WiangHa.Platform.Domain.Measures;
using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Infrastructure.Data.Configurations;

public sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Title).HasMaxLength(MeasureLimits.TitleMaxLength);
        builder.Property(m => m.Outcome).HasMaxLength(MeasureLimits.OutcomeMaxLength);
        builder.Property(m => m.Monitoring).HasMaxLength(MeasureLimits.MonitoringMaxLength);
        builder.Property(m => m.PeriodText).HasMaxLength(MeasureLimits.PeriodTextMaxLength);
        // Ordered lists of paragraphs: stored as a JSON/array column beside the row, read and written as a whole.
        builder.PrimitiveCollection(m => m.Steps);
        builder.PrimitiveCollection(m => m.ResultPoints);
        builder.PrimitiveCollection(m => m.ItaItems);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.TenantId, m.FiscalYear, m.Number });
        builder.HasIndex(m => new { m.TenantId, m.SubmissionKey }).IsUnique();
        builder.HasMany(m => m.EvidenceLinks).WithOne().HasForeignKey(l => l.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.ResponsibleUnits).WithMany()
            .UsingEntity(
                "MeasureResponsibleUnit",
                r => r.HasOne(typeof(OrgUnit)).WithMany().HasForeignKey("OrgUnitId").OnDelete(DeleteBehavior.Restrict),
                l => l.HasOne(typeof(Measure)).WithMany().HasForeignKey("MeasureId").OnDelete(DeleteBehavior.Cascade));
    }
}

public sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Url).HasMaxLength(MeasureLimits.UrlMaxLength);
        builder.Property(l => l.Title).HasMaxLength(MeasureLimits.LinkTitleMaxLength);
    }
}
