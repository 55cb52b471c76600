using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Deadlines;

internal sealed class HolidayCalendarConfiguration : IEntityTypeConfiguration<HolidayCalendar>
{
    public void Configure(EntityTypeBuilder<HolidayCalendar> calendar)
    {
        calendar.Property(c => c.Code).HasMaxLength(20);
        calendar.HasIndex(c => c.Code).IsUnique();
        calendar.Property(c => c.Name).HasMaxLength(200);
        calendar.Property(c => c.SourceUrl).HasMaxLength(2000);
        calendar.Property(c => c.Notes).HasMaxLength(4000);
        calendar.Property(c => c.Confidence).HasConversion<string>().HasMaxLength(20);
        calendar.HasMany(c => c.Rules).WithOne().HasForeignKey(r => r.HolidayCalendarId).OnDelete(DeleteBehavior.Cascade);
        calendar.HasMany(c => c.Closures).WithOne().HasForeignKey(c => c.HolidayCalendarId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HolidayRuleConfiguration : IEntityTypeConfiguration<HolidayRule>
{
    public void Configure(EntityTypeBuilder<HolidayRule> rule)
    {
        rule.Property(r => r.Name).HasMaxLength(200);
        rule.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        rule.Property(r => r.Weekday).HasConversion<string>().HasMaxLength(12);
        rule.Property(r => r.Observance).HasConversion<string>().HasMaxLength(30);
        rule.Property(r => r.Citation).HasMaxLength(300);
        rule.ToTable(t => t.HasCheckConstraint("CK_HolidayRules_Month", "\"Month\" IS NULL OR \"Month\" BETWEEN 1 AND 12"));
    }
}

internal sealed class HolidayClosureConfiguration : IEntityTypeConfiguration<HolidayClosure>
{
    public void Configure(EntityTypeBuilder<HolidayClosure> closure)
    {
        closure.Property(c => c.Reason).HasMaxLength(300);
        closure.HasIndex(c => new { c.HolidayCalendarId, c.Date }).IsUnique();
        closure.HasIndex(c => new { c.AgencyId, c.Date }).IsUnique();
        closure.HasOne<Agencies.Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Cascade);

        // A closure belongs to exactly one calendar or one agency.
        closure.ToTable(t => t.HasCheckConstraint(
            "CK_HolidayClosures_Owner",
            "(\"HolidayCalendarId\" IS NULL) <> (\"AgencyId\" IS NULL)"));
    }
}
