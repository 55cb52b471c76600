using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Documents;

/// <summary>The documents page's reads, run as whoever is looking.</summary>
public sealed class DocumentService(ViewerContextFactory contexts)
{
    public Task<Page<DocumentRow>> ListAsync(string? text, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => DocumentQueries.ListAsync(db, text, page, ct), ct);
}
