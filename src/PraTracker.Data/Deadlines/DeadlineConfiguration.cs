using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Deadlines;

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    // The same condition as the queries' "open, or missed with no response yet", in SQL both databases read alike.
    private const string OutstandingSql = "\"Status\" = 'Open' OR (\"Status\" = 'Missed' AND \"ClosedOn\" IS NULL)";

    public void Configure(EntityTypeBuilder<Deadline> deadline)
    {
        deadline.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        deadline.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        deadline.Property(d => d.Explanation).HasMaxLength(4000);
        deadline.Property(d => d.Warning).HasMaxLength(2000);

        deadline.HasOne(d => d.Request).WithMany(r => r.Deadlines).HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        deadline.HasOne(d => d.SourceEvent).WithMany().HasForeignKey(d => d.SourceEventId).OnDelete(DeleteBehavior.SetNull);
        deadline.HasOne(d => d.SourceObjection).WithMany().HasForeignKey(d => d.SourceObjectionId).OnDelete(DeleteBehavior.Cascade);

        // The daily sweep reads open deadlines by due date.
        deadline.HasIndex(d => new { d.Status, d.DueOn });
        deadline.HasIndex(d => new { d.RequestId, d.Status });

        // Outstanding deadlines (open, or missed with no response yet) are what the reminder scan, the dashboard, the
        // overdue filter and the requests list's next-deadline column read; they are a fifth of all deadlines and
        // shrink as requests close, so these partial indexes stay small where the full ones grow with the archive.
        deadline.HasIndex(d => d.DueOn, "IX_Deadlines_outstanding_by_due").HasFilter(OutstandingSql);
        deadline.HasIndex(d => new { d.RequestId, d.DueOn }, "IX_Deadlines_outstanding_by_request").HasFilter(OutstandingSql);
    }
}
