using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Deadlines;

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> deadline)
    {
        deadline.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        deadline.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        deadline.Property(d => d.Explanation).HasMaxLength(4000);
        deadline.Property(d => d.Warning).HasMaxLength(2000);

        deadline.HasOne(d => d.Request).WithMany(r => r.Deadlines).HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        deadline.HasOne(d => d.SourceEvent).WithMany().HasForeignKey(d => d.SourceEventId).OnDelete(DeleteBehavior.SetNull);

        // The reminder scan and the dashboard read open deadlines by due date.
        deadline.HasIndex(d => new { d.Status, d.DueOn });
        deadline.HasIndex(d => new { d.RequestId, d.Status });
    }
}
