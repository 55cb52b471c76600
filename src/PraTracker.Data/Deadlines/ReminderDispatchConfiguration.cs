using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Deadlines;

internal sealed class ReminderDispatchConfiguration : IEntityTypeConfiguration<ReminderDispatch>
{
    public void Configure(EntityTypeBuilder<ReminderDispatch> dispatch)
    {
        dispatch.Property(d => d.LastError).HasMaxLength(4000);

        dispatch.Property(d => d.Milestone).HasConversion<string>().HasMaxLength(20);

        // Exactly once: the unique keys are what stop two scans from sending the same alert. Rows about the other
        // kind of subject hold nulls there, which unique indexes of both databases treat as distinct.
        dispatch.HasIndex(d => new { d.DeadlineId, d.RecipientUserId, d.LeadDays }).IsUnique();
        dispatch.HasIndex(d => new { d.ContractId, d.Milestone, d.MilestoneOn, d.RecipientUserId, d.LeadDays }).IsUnique().HasDatabaseName("IX_ReminderDispatches_contract_alert");
        dispatch.HasIndex(d => d.SentAt);
        dispatch.ToTable(t => t.HasCheckConstraint(
            "CK_ReminderDispatches_one_subject",
            "(\"DeadlineId\" IS NOT NULL AND \"ContractId\" IS NULL AND \"Milestone\" IS NULL) OR (\"DeadlineId\" IS NULL AND \"ContractId\" IS NOT NULL AND \"Milestone\" IS NOT NULL AND \"MilestoneOn\" IS NOT NULL)"));

        dispatch.HasOne(d => d.Deadline).WithMany().HasForeignKey(d => d.DeadlineId).OnDelete(DeleteBehavior.Cascade);
        dispatch.HasOne(d => d.Contract).WithMany().HasForeignKey(d => d.ContractId).OnDelete(DeleteBehavior.Cascade);
        dispatch.HasOne(d => d.Recipient).WithMany().HasForeignKey(d => d.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
