using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WiangHa.Platform.Domain.Ita;

namespace WiangHa.Platform.Infrastructure.Data.Configurations;

public sealed class ItaItemMappingConfiguration : IEntityTypeConfiguration<ItaItemMapping>
{
    public void Configure(EntityTypeBuilder<ItaItemMapping> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.ToYear, m.ToCode });
        builder.HasIndex(m => m.FromYear);
        builder.PrimitiveCollection(m => m.FromCodes);
        builder.Property(m => m.ToCode).HasMaxLength(16);
        builder.Property(m => m.Note).HasMaxLength(2000);
        builder.Property(m => m.UpdatedBy).HasMaxLength(256);
        builder.Ignore(m => m.Carries);
    }
}
