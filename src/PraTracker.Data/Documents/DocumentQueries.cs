using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents;

/// <summary>A row of the documents list.</summary>
public sealed record DocumentRow(
    Guid Id, string Title, string FileName, Guid RequestId, string RequestReference, string AgencyName,
    long SizeBytes, int? PageCount, PublicationStatus PublicationStatus, DateTimeOffset? PublishedAt, DateTimeOffset UploadedAt);

/// <summary>Reads documents through the context's visibility filter (published, past embargo, on a public request).</summary>
public static class DocumentQueries
{
    public static Task<Page<DocumentRow>> ListAsync(PraTrackerDbContext db, string? text, PageRequest page, CancellationToken ct = default)
    {
        var documents = db.Documents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var lowered = text.Trim().ToLower();
            documents = documents.Where(d => d.Title.ToLower().Contains(lowered) || d.FileName.ToLower().Contains(lowered));
        }

        var rows = documents.Select(d => new DocumentRow(
            d.Id, d.Title, d.FileName, d.RequestId, d.Request.Reference, d.Request.Agency.Name,
            d.SizeBytes, d.PageCount, d.PublicationStatus, d.PublishedAt, d.UploadedAt));

        var sorted = page.SortBy switch
        {
            nameof(DocumentRow.Title) => rows.OrderBy(r => r.Title, page.Descending),
            nameof(DocumentRow.AgencyName) => rows.OrderBy(r => r.AgencyName, page.Descending),
            nameof(DocumentRow.PublishedAt) => rows.OrderBy(r => r.PublishedAt, page.Descending),
            _ => rows.OrderBy(r => r.UploadedAt, !page.Descending),
        };
        return sorted.ThenBy(r => r.Id).ToPageAsync(page, ct);
    }
}
