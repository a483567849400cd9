using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WiangHa.Platform.Infrastructure.Email;

namespace WiangHa.Platform.Infrastructure.Data.Configurations;

public sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(500);
        builder.Property(m => m.LinkBase).HasMaxLength(500);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        // The sender's scan: what is due, oldest first; then the claimed batch read back by its token.
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => m.ClaimToken);
        // The per-address cap on reset requests counts an address's rows of the last hour.
        builder.HasIndex(m => new { m.To, m.CreatedAt });
    }
}
