using PraTracker.Data.Database;
using PraTracker.Data.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Requests;

/// <summary>The requests pages' reads, run as whoever is looking.</summary>
public sealed class RequestService(ViewerContextFactory contexts)
{
    public Task<Page<RequestRow>> ListAsync(RequestFilter filter, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestQueries.ListAsync(db, filter, page, ct), ct);

    public Task<RequestDetail?> GetAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestQueries.GetAsync(db, id, ct), ct);
}
