using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.EntityType).HasMaxLength(100);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.HasIndex(e => new { e.EntityType, e.EntityId, e.At });
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => e.UserId);
    }
}
