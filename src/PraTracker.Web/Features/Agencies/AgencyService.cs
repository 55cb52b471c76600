using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Agencies;

/// <summary>The agencies page's reads, run as whoever is looking.</summary>
public sealed class AgencyService(ViewerContextFactory contexts)
{
    public Task<Page<AgencyRow>> ListAsync(string? text, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => AgencyQueries.ListAsync(db, text, page, ct), ct);
}
