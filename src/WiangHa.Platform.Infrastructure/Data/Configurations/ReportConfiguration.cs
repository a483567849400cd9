using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WiangHa.Platform.Domain.Organisations;
using WiangHa.Platform.Domain.Reports;

namespace WiangHa.Platform.Infrastructure.Data.Configurations;

public sealed class ReportPublicationConfiguration : IEntityTypeConfiguration<ReportPublication>
{
    public void Configure(EntityTypeBuilder<ReportPublication> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.SignatoryName).HasMaxLength(ReportPublication.SignatoryMaxLength);
        builder.Property(p => p.SignatoryPosition).HasMaxLength(ReportPublication.SignatoryMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.TenantId, p.FiscalYear }).IsUnique();
    }
}

public sealed class AssessmentAnalysisConfiguration : IEntityTypeConfiguration<AssessmentAnalysis>
{
    public void Configure(EntityTypeBuilder<AssessmentAnalysis> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.PreviousScore).HasPrecision(5, 2);
        builder.Property(a => a.Summary).HasMaxLength(AssessmentAnalysis.SummaryMaxLength);
        builder.PrimitiveCollection(a => a.UrgentWeaknesses);
        builder.PrimitiveCollection(a => a.IssuesToImprove);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TenantId, a.FiscalYear }).IsUnique();
    }
}

public sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.FileName).HasMaxLength(ImportBatch.FileNameMaxLength);
        builder.Property(b => b.FileSha256).HasMaxLength(64).IsUnicode(false);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(b => b.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.TenantId, b.FileSha256 });
    }
}
