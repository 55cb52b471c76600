using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Exemptions;

internal sealed class ExemptionConfiguration : IEntityTypeConfiguration<Exemption>
{
    public void Configure(EntityTypeBuilder<Exemption> exemption)
    {
        exemption.Property(e => e.Citation).HasMaxLength(200);
        exemption.Property(e => e.ShortName).HasMaxLength(200);
        exemption.Property(e => e.Description).HasMaxLength(4000);
        exemption.Property(e => e.ProperUse).HasMaxLength(4000);
        exemption.Property(e => e.ImproperUse).HasMaxLength(4000);
        exemption.Property(e => e.SourceUrl).HasMaxLength(500);
        exemption.Property(e => e.SeedKey).HasMaxLength(100);
        exemption.HasOne(e => e.Law).WithMany().HasForeignKey(e => e.LawId).OnDelete(DeleteBehavior.Cascade);
        exemption.HasIndex(e => new { e.LawId, e.Citation }).IsUnique();
        exemption.HasIndex(e => e.SeedKey).IsUnique();
    }
}

internal sealed class WithholdingConfiguration : IEntityTypeConfiguration<Withholding>
{
    public void Configure(EntityTypeBuilder<Withholding> withholding)
    {
        withholding.Property(w => w.Records).HasMaxLength(2000);
        withholding.Property(w => w.Extent).HasConversion<string>().HasMaxLength(20);
        withholding.Property(w => w.Quantity).HasMaxLength(200);
        withholding.Property(w => w.AgencyReason).HasMaxLength(8000);
        withholding.Property(w => w.OtherCitations).HasMaxLength(2000);
        withholding.HasOne(w => w.Request).WithMany(r => r.Withholdings).HasForeignKey(w => w.RequestId).OnDelete(DeleteBehavior.Cascade);
        withholding.HasOne(w => w.Event).WithMany().HasForeignKey(w => w.EventId).OnDelete(DeleteBehavior.SetNull);
        withholding.HasOne(w => w.Document).WithMany().HasForeignKey(w => w.DocumentId).OnDelete(DeleteBehavior.SetNull);
        withholding.HasIndex(w => new { w.RequestId, w.Number }).IsUnique();
    }
}

internal sealed class WithholdingExemptionConfiguration : IEntityTypeConfiguration<WithholdingExemption>
{
    public void Configure(EntityTypeBuilder<WithholdingExemption> link)
    {
        link.HasKey(l => new { l.WithholdingId, l.ExemptionId });
        link.HasOne(l => l.Withholding).WithMany(w => w.Exemptions).HasForeignKey(l => l.WithholdingId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne(l => l.Exemption).WithMany().HasForeignKey(l => l.ExemptionId).OnDelete(DeleteBehavior.Restrict);
        link.HasIndex(l => l.ExemptionId);
    }
}
