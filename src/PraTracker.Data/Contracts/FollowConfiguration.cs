using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Contracts;

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> follow)
    {
        // A follow is of one agency or one vendor, and a user follows each at most once.
        follow.ToTable(t => t.HasCheckConstraint("CK_Follows_one_subject", "(\"AgencyId\" IS NULL) <> (\"VendorId\" IS NULL)"));
        follow.HasIndex(f => new { f.UserId, f.AgencyId }).IsUnique();
        follow.HasIndex(f => new { f.UserId, f.VendorId }).IsUnique();
        follow.HasIndex(f => f.AgencyId);
        follow.HasIndex(f => f.VendorId);

        follow.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        follow.HasOne(f => f.Agency).WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Cascade);
        follow.HasOne(f => f.Vendor).WithMany().HasForeignKey(f => f.VendorId).OnDelete(DeleteBehavior.Cascade);
    }
}
