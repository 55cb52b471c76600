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
    public static IAsyncEnumerable<DocumentExportRow> DocumentsAsync(PraTrackerDbContext db, string? text) =>
        DocumentQueries.Filtered(db, text)
            .OrderByDescending(d => d.ReleasedOn).ThenBy(d => d.Title).ThenBy(d => d.Id)
            .Select(d => new DocumentExportRow(
                d.Id, d.Title, d.Description, d.FileName, d.ContentType, d.SizeBytes, d.PageCount, d.Sha256, d.Request.Reference,
                d.Request.Agency.Name, d.ReleasedOn, d.PublicationStatus, d.PublishedAt))
            .AsAsyncEnumerable();
}
