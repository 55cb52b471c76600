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

        var sorted = page.SortBy switch
        {
            nameof(DocumentRow.Title) => documents.OrderBy(d => d.Title, page.Descending),
            nameof(DocumentRow.AgencyName) => documents.OrderBy(d => d.Request.Agency.Name, page.Descending),
            nameof(DocumentRow.PublishedAt) => documents.OrderBy(d => d.PublishedAt, page.Descending),
            nameof(DocumentRow.UploadedAt) => documents.OrderBy(d => d.UploadedAt, page.Descending),
            _ => documents.OrderByDescending(d => d.UploadedAt),
        };
        return sorted.ThenBy(d => d.Id)
            .Select(d => new DocumentRow(
                d.Id, d.Title, d.FileName, d.RequestId, d.Request.Reference, d.Request.Agency.Name,
                d.SizeBytes, d.PageCount, d.PublicationStatus, d.PublishedAt, d.UploadedAt))
            .ToPageAsync(page, ct);
    }
}
