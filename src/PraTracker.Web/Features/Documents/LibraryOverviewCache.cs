using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Web.Components.Shared;

namespace PraTracker.Web.Features.Documents;

/// <summary>
/// The home page's overview as anonymous visitors see it, read once and reused (see <see cref="VisitorCache{T}"/>): it
/// counts every published document by agency, vendor and technology, which at 50,000 documents takes about two seconds
/// (the benchmark, docs/performance.md). Publishing or withdrawing a document through this instance forgets it at once.
/// </summary>
public sealed class LibraryOverviewCache(IDbContextFactory<PraTrackerDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, ILogger<LibraryOverviewCache> logger)
    : VisitorCache<LibraryOverview>(dbFactory, configuration, clock, logger)
{
    /// <summary>How long visitors may see an overview, in seconds; 0 reads it fresh every time.</summary>
    public const string SecondsKey = "Library:OverviewCacheSeconds";

    protected override string LifetimeKey => SecondsKey;

    protected override int DefaultSeconds => 30;

    protected override Task<LibraryOverview> ReadAsync(PraTrackerDbContext db) => LibraryQueries.OverviewAsync(db);
}
