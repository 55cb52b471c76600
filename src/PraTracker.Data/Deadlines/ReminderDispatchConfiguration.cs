using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Deadlines;

internal sealed class ReminderDispatchConfiguration : IEntityTypeConfiguration<ReminderDispatch>
{
    public void Configure(EntityTypeBuilder<ReminderDispatch> dispatch)
    {
        dispatch.Property(d => d.LastError).HasMaxLength(4000);

        // Exactly once: the unique key is what stops two scans from sending the same alert.
        dispatch.HasIndex(d => new { d.DeadlineId, d.RecipientUserId, d.LeadDays }).IsUnique();
        dispatch.HasIndex(d => d.SentAt);

        dispatch.HasOne(d => d.Deadline).WithMany().HasForeignKey(d => d.DeadlineId).OnDelete(DeleteBehavior.Cascade);
        dispatch.HasOne(d => d.Recipient).WithMany().HasForeignKey(d => d.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
