using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WiangHa.Platform.Domain.Compliance;
using WiangHa.Platform.Domain.Ita;
using WiangHa.Platform.Domain.Organisations;

namespace WiangHa.Platform.Infrastructure.Data.Configurations;

public sealed class ItaManualConfiguration : IEntityTypeConfiguration<ItaManual>
{
    public void Configure(EntityTypeBuilder<ItaManual> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.Year).IsUnique();
        builder.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.ManualId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ItaManualVersionConfiguration : IEntityTypeConfiguration<ItaManualVersion>
{
    public void Configure(EntityTypeBuilder<ItaManualVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.ManualId, v.Number }).IsUnique();
        builder.HasIndex(v => new { v.Year, v.Status });
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.SourceFileName).HasMaxLength(260);
        builder.Property(v => v.Note).HasMaxLength(2000);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
    }
}

public sealed class ItemDisclosureConfiguration : IEntityTypeConfiguration<ItemDisclosure>
{
    public void Configure(EntityTypeBuilder<ItemDisclosure> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ItemCode).HasMaxLength(16);
        builder.Property(d => d.Explanation).HasMaxLength(4000);
        builder.PrimitiveCollection(d => d.Urls);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.TenantId, d.AssessmentYear, d.ItemCode }).IsUnique();
    }
}

public sealed class ComplianceRunConfiguration : IEntityTypeConfiguration<ComplianceRun>
{
    public void Configure(EntityTypeBuilder<ComplianceRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Slot).HasMaxLength(100);
        builder.Property(r => r.Rating).HasMaxLength(100);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Property(r => r.Score).HasPrecision(5, 2);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ItaManualVersion>().WithMany().HasForeignKey(r => r.ManualVersionId).OnDelete(DeleteBehavior.Restrict);
        // Idempotency: one run per tenant, manual version and scheduled slot. Also the only index a tenant's runs need
        // (by tenant, then year or version: a few hundred rows at most): each index costs every run, and a run is
        // written per LAO and year every night.
        builder.HasIndex(r => new { r.TenantId, r.ManualVersionId, r.Slot }).IsUnique();
        builder.HasMany(r => r.Results).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ComplianceResultConfiguration : IEntityTypeConfiguration<ComplianceResult>
{
    public void Configure(EntityTypeBuilder<ComplianceResult> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ItemCode).HasMaxLength(16);
        builder.PrimitiveCollection(r => r.Reasons);
        builder.HasIndex(r => new { r.TenantId, r.AssessmentYear, r.ItemCode, r.CheckedAt });
    }
}

public sealed class LinkCheckConfiguration : IEntityTypeConfiguration<LinkCheck>
{
    public void Configure(EntityTypeBuilder<LinkCheck> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Url).HasMaxLength(2000);
        builder.Property(l => l.FinalUrl).HasMaxLength(2000);
        builder.Property(l => l.ContentType).HasMaxLength(200);
        builder.Property(l => l.Detail).HasMaxLength(500);
        builder.PrimitiveCollection(l => l.YearsMentioned);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.TenantId, l.Url }).IsUnique();
    }
}
