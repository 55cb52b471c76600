using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Correspondence;

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>, IEntityTypeConfiguration<MailboxState>
{
    public void Configure(EntityTypeBuilder<EmailMessage> message)
    {
        message.Property(m => m.Direction).HasConversion<string>().HasMaxLength(10);
        message.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        message.Property(m => m.Purpose).HasConversion<string>().HasMaxLength(20);
        message.Property(m => m.StatusReason).HasMaxLength(2000);
        message.Property(m => m.MessageId).HasMaxLength(998);
        message.Property(m => m.InReplyTo).HasMaxLength(998);
        message.Property(m => m.FromAddress).HasMaxLength(500);
        message.Property(m => m.ToAddresses).HasMaxLength(2000);
        message.Property(m => m.ReplyToAddress).HasMaxLength(500);
        message.Property(m => m.Subject).HasMaxLength(1000);
        message.Property(m => m.RawSha256).HasMaxLength(64).IsFixedLength();
        message.Property(m => m.MatchedBy).HasMaxLength(50);
        message.Property(m => m.ImapFolder).HasMaxLength(200);

        message.HasOne(m => m.Request).WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        message.HasOne(m => m.RequestEvent).WithMany().HasForeignKey(m => m.RequestEventId).OnDelete(DeleteBehavior.SetNull);
        message.HasOne(m => m.Document).WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.SetNull);
        message.HasOne(m => m.ForDeadline).WithMany().HasForeignKey(m => m.ForDeadlineId).OnDelete(DeleteBehavior.SetNull);

        // Exactly once: a UID of a folder under one UIDVALIDITY is read once; one missed deadline is followed up once.
        // Rows without them hold nulls, which unique indexes of both databases treat as distinct.
        message.HasIndex(m => new { m.ImapFolder, m.ImapUidValidity, m.ImapUid }).IsUnique();
        message.HasIndex(m => m.ForDeadlineId).IsUnique();
        message.HasIndex(m => m.MessageId);
        message.HasIndex(m => m.RawSha256);
        message.HasIndex(m => new { m.RequestId, m.ProcessedAt });
        message.HasIndex(m => new { m.Status, m.ProcessedAt });
    }

    public void Configure(EntityTypeBuilder<MailboxState> state)
    {
        state.HasKey(s => s.Folder);
        state.Property(s => s.Folder).HasMaxLength(200);
        state.Property(s => s.LastError).HasMaxLength(2000);
    }
}
