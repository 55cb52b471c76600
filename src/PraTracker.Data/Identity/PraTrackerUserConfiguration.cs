using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Identity;

internal sealed class PraTrackerUserConfiguration : IEntityTypeConfiguration<PraTrackerUser>
{
    public void Configure(EntityTypeBuilder<PraTrackerUser> user)
    {
        user.Property(u => u.AlertLeadDays).HasMaxLength(100);
        user.Property(u => u.AlertDelivery).HasConversion<string>().HasMaxLength(20);
        user.Property(u => u.CalendarFeedTokenHash).HasMaxLength(64);

        // The calendar feed looks its user up by the token's hash on every poll.
        user.HasIndex(u => u.CalendarFeedTokenHash).IsUnique();
    }
}
