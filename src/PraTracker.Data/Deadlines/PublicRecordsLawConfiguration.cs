using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Deadlines;

internal sealed class PublicRecordsLawConfiguration : IEntityTypeConfiguration<PublicRecordsLaw>
{
    public void Configure(EntityTypeBuilder<PublicRecordsLaw> law)
    {
        law.Property(l => l.Code).HasMaxLength(20);
        law.HasIndex(l => l.Code).IsUnique();
        law.Property(l => l.Name).HasMaxLength(200);
        law.Property(l => l.Jurisdiction).HasMaxLength(100);
        law.Property(l => l.ClarificationEffect).HasConversion<string>().HasMaxLength(20);
        law.Property(l => l.FeeEstimateEffect).HasConversion<string>().HasMaxLength(20);
        law.Property(l => l.Citation).HasMaxLength(300);
        law.Property(l => l.ResponseDayCount).HasConversion<string>().HasMaxLength(20);
        law.Property(l => l.ResponseKind).HasConversion<string>().HasMaxLength(30);
        law.Property(l => l.ExtensionDayCount).HasConversion<string>().HasMaxLength(20);
        law.Property(l => l.ExtensionCountedFrom).HasConversion<string>().HasMaxLength(30);
        law.Property(l => l.AppealWindowDayCount).HasConversion<string>().HasMaxLength(20);
        law.Property(l => l.AppealDecisionDayCount).HasConversion<string>().HasMaxLength(20);
        law.Property(l => l.Confidence).HasConversion<string>().HasMaxLength(20);
        law.Property(l => l.ExtensionConditions).HasMaxLength(2000);
        law.Property(l => l.Notes).HasMaxLength(4000);
        law.Property(l => l.FollowUpTemplate).HasMaxLength(10000);
        law.Property(l => l.ResponseSourceUrl).HasMaxLength(2000);
        law.Property(l => l.ExtensionSourceUrl).HasMaxLength(2000);
        law.Property(l => l.AppealSourceUrl).HasMaxLength(2000);

        law.HasOne(l => l.HolidayCalendar).WithMany().HasForeignKey(l => l.HolidayCalendarId).OnDelete(DeleteBehavior.Restrict);
    }
}
