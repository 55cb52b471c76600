using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PraTracker.Data.Documents;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> document)
    {
        document.Property(d => d.Title).HasMaxLength(DocumentEdits.MaxTitleLength);
        document.Property(d => d.Description).HasMaxLength(DocumentEdits.MaxDescriptionLength);
        document.Property(d => d.FileName).HasMaxLength(500);
        document.Property(d => d.ContentType).HasMaxLength(200);
        document.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        document.Property(d => d.TextStatus).HasConversion<string>().HasMaxLength(20);
        document.Property(d => d.TextError).HasMaxLength(4000);
        document.Property(d => d.OcrStatus).HasConversion<string>().HasMaxLength(20);
        document.Property(d => d.OcrError).HasMaxLength(4000);
        document.Property(d => d.SearchableSha256).HasMaxLength(64).IsFixedLength();
        document.Property(d => d.PublicationStatus).HasConversion<string>().HasMaxLength(20);

        document.HasOne(d => d.Request).WithMany(r => r.Documents).HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        document.HasOne(d => d.RequestEvent).WithMany().HasForeignKey(d => d.RequestEventId).OnDelete(DeleteBehavior.SetNull);
        document.HasOne<Document>().WithMany().HasForeignKey(d => d.ParentDocumentId).OnDelete(DeleteBehavior.Cascade);

        document.HasIndex(d => d.Sha256);
        document.HasIndex(d => d.RequestId);
        document.HasIndex(d => new { d.PublicationStatus, d.PublishedAt });
        document.HasIndex(d => d.TextStatus);
        document.HasIndex(d => d.ParentDocumentId);
        document.HasIndex(d => d.ReleasedOn);
        document.HasIndex(d => d.OcrStatus);
    }
}

internal sealed class DocumentPageConfiguration : IEntityTypeConfiguration<DocumentPage>
{
    public void Configure(EntityTypeBuilder<DocumentPage> page)
    {
        page.HasKey(p => new { p.DocumentId, p.Number });
        page.HasOne<Document>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
