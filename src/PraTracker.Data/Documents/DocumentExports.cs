using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents;

/// <summary>A document's metadata as a row of the documents export; never its text or its storage path.</summary>
public sealed record DocumentExportRow(
    Guid Id, string Title, string? Description, string FileName, string ContentType, long SizeBytes, int? PageCount, string Sha256,
    string RequestReference, string AgencyName, DateOnly ReleasedOn, PublicationStatus PublicationStatus, DateTimeOffset? PublishedAt);

/// <summary>
/// The documents list's rows, whole rather than a page, for the CSV export; read through the visibility filter, so a
/// visitor's export lists only published documents past their embargo on public requests.
/// </summary>
public static class DocumentExports
{
    private const int RowsPerRead = 500;

    /// <summary>The documents list, filtered by title or file name, newest release first.</summary>
    public static IAsyncEnumerable<DocumentExportRow> DocumentsAsync(PraTrackerDbContext db, string? text) =>
        Rows(DocumentQueries.Filtered(db, text).OrderByDescending(d => d.ReleasedOn).ThenBy(d => d.Title).ThenBy(d => d.Id)).AsAsyncEnumerable();

    /// <summary>A search's results, every one of them, in the order the search page shows them.</summary>
    public static async IAsyncEnumerable<DocumentExportRow> SearchResultsAsync(
        PraTrackerDbContext db, string? text, DocumentSearchFilters filters, DocumentSort sort, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var ids = await DocumentSearch.MatchingIds(db, text, filters, sort).ToListAsync(ct);
        foreach (var batch in ids.Chunk(RowsPerRead))
        {
            var rows = await Rows(db.Documents.AsNoTracking().Where(d => batch.Contains(d.Id))).ToDictionaryAsync(r => r.Id, ct);
            foreach (var id in batch)
            {
                if (rows.TryGetValue(id, out var row))
                {
                    yield return row;
                }
            }
        }
    }

    private static IQueryable<DocumentExportRow> Rows(IQueryable<Document> documents) =>
        documents.Select(d => new DocumentExportRow(
            d.Id, d.Title, d.Description, d.FileName, d.ContentType, d.SizeBytes, d.PageCount, d.Sha256, d.Request.Reference,
            d.Request.Agency.Name, d.ReleasedOn, d.PublicationStatus, d.PublishedAt));
}
