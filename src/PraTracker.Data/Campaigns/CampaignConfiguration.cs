using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.Property(c => c.Title).HasMaxLength(300);
        campaign.Property(c => c.Description).HasMaxLength(8000);
        campaign.Property(c => c.Visibility).HasConversion<string>().HasMaxLength(20);
        campaign.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        campaign.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        campaign.HasMany(c => c.Requests).WithOne(r => r.Campaign).HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.SetNull);
        campaign.HasIndex(c => c.Title);
        campaign.HasIndex(c => c.CreatedAt);
    }
}

internal sealed class CampaignMemberConfiguration : IEntityTypeConfiguration<CampaignMember>
{
    public void Configure(EntityTypeBuilder<CampaignMember> member)
    {
        member.HasKey(m => new { m.CampaignId, m.UserId });
        member.HasOne(m => m.Campaign).WithMany(c => c.Members).HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => m.UserId);
    }
}
