using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PraTracker.Data.Documents.Mentions;

namespace PraTracker.Data.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.Property(a => a.Name).HasMaxLength(300);
        agency.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        agency.Property(a => a.Aliases).HasMaxLength(Aliases.MaxLength);
        agency.Property(a => a.City).HasMaxLength(120);
        agency.Property(a => a.County).HasMaxLength(120);
        agency.Property(a => a.State).HasMaxLength(2);
        agency.Property(a => a.RecordsEmail).HasMaxLength(320);
        agency.Property(a => a.PortalUrl).HasMaxLength(2000);
        agency.Property(a => a.MailingAddress).HasMaxLength(1000);

        // Two agencies in different states may share a name ("Police Department of Springfield").
        agency.HasIndex(a => new { a.Name, a.State }).IsUnique();
        agency.HasIndex(a => new { a.State, a.Kind });
        agency.HasIndex(a => a.Kind);

        agency.HasOne(a => a.ParentAgency).WithMany().HasForeignKey(a => a.ParentAgencyId).OnDelete(DeleteBehavior.Restrict);
        agency.HasOne(a => a.Law).WithMany().HasForeignKey(a => a.LawId).OnDelete(DeleteBehavior.Restrict);
    }
}
