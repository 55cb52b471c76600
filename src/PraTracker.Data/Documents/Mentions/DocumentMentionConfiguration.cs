using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Documents.Mentions;

internal sealed class DocumentMentionConfiguration : IEntityTypeConfiguration<DocumentMention>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<DocumentMention> mention)
    {
        mention.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        mention.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        mention.Property(m => m.Name).HasMaxLength(300);
        mention.Property(m => m.DecidedByUserId).HasMaxLength(450);
        mention.Ignore(m => m.TargetId);

        // A handful of small facts per mention, read and written with it: JSON text on both databases.
        mention.Property(m => m.Facts)
            .HasConversion(
                facts => JsonSerializer.Serialize(facts, Json),
                json => JsonSerializer.Deserialize<List<ContractFact>>(json, Json) ?? new List<ContractFact>(),
                new ValueComparer<List<ContractFact>>(
                    (a, b) => a!.SequenceEqual(b!),
                    facts => facts.Aggregate(0, (hash, fact) => HashCode.Combine(hash, fact.GetHashCode())),
                    facts => facts.ToList()));

        mention.HasOne(m => m.Document).WithMany().HasForeignKey(m => m.DocumentId).OnDelete(DeleteBehavior.Cascade);
        mention.HasOne(m => m.Vendor).WithMany().HasForeignKey(m => m.VendorId).OnDelete(DeleteBehavior.Cascade);
        mention.HasOne(m => m.Product).WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Cascade);
        mention.HasOne(m => m.Agency).WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Cascade);
        mention.HasOne(m => m.Contract).WithMany().HasForeignKey(m => m.ContractId).OnDelete(DeleteBehavior.Cascade);

        // One mention of one thing per document (NULLs are distinct, so each index holds only its own kind).
        mention.HasIndex(m => new { m.DocumentId, m.VendorId }).IsUnique();
        mention.HasIndex(m => new { m.DocumentId, m.ProductId }).IsUnique();
        mention.HasIndex(m => new { m.DocumentId, m.AgencyId }).IsUnique();
        mention.HasIndex(m => new { m.DocumentId, m.ContractId }).IsUnique();
        mention.HasIndex(m => new { m.VendorId, m.Status });
        mention.HasIndex(m => new { m.ProductId, m.Status });
        mention.HasIndex(m => new { m.AgencyId, m.Status });
        mention.HasIndex(m => new { m.ContractId, m.Status });
    }
}
