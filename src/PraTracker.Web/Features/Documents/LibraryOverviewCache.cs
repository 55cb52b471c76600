using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Features.Documents;

/// <summary>
/// The home page's overview as anonymous visitors see it, read once and reused: it counts every published document by
/// agency, vendor and technology, which at 50,000 documents takes about two seconds (the benchmark,
/// docs/performance.md). Once it is older than <see cref="SecondsKey"/>, visitors keep getting it while one
/// background read replaces it, so nobody waits for the counts but the first visitor after a start. Staff, who also
/// see private counts, always read it fresh; publishing or withdrawing a document through this instance forgets it
/// at once, other instances see the change after the lifetime.
/// </summary>
public sealed class LibraryOverviewCache(IDbContextFactory<PraTrackerDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, ILogger<LibraryOverviewCache> logger)
{
    /// <summary>How long visitors may see an overview, in seconds; 0 reads it fresh every time.</summary>
    public const string SecondsKey = "Library:OverviewCacheSeconds";

    private readonly Lock _gate = new();
    private Task<LibraryOverview>? _overview;
    private DateTimeOffset _readAt;
    private bool _refreshing;
    private int _generation; // bumped by Forget, so a refresh begun before it cannot put back what it forgot

    private TimeSpan Lifetime => TimeSpan.FromSeconds(configuration.GetValue(SecondsKey, 30));

    /// <summary>Whether visitors are served from here; when not, the caller reads the overview itself.</summary>
    public bool Serves(Viewer viewer) => !viewer.SeesPrivate && Lifetime > TimeSpan.Zero;

    public Task<LibraryOverview> GetAsync()
    {
        lock (_gate)
        {
            if (_overview is null || _overview.IsFaulted || _overview.IsCanceled)
            {
                // Nothing to show yet (or the last read failed): everyone arriving now waits for the same read.
                _overview = ReadAsync();
                _readAt = clock.GetUtcNow();
            }

            var current = _overview;
            if (clock.GetUtcNow() - _readAt > Lifetime && !_refreshing && current.IsCompletedSuccessfully)
            {
                _refreshing = true;
                _ = RefreshAsync(); // may even finish here, on a database that answers synchronously
            }

            return current;
        }
    }

    public void Forget()
    {
        lock (_gate)
        {
            _overview = null;
            _generation++;
        }
    }

    private async Task RefreshAsync()
    {
        int generation;
        lock (_gate)
        {
            generation = _generation;
        }

        try
        {
            var fresh = await ReadAsync();
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _overview = Task.FromResult(fresh);
                    _readAt = clock.GetUtcNow();
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Visitors keep the last overview; the next visit after the lifetime tries again.
            logger.LogWarning(e, "Could not refresh the library overview");
        }
        finally
        {
            lock (_gate)
            {
                _refreshing = false;
            }
        }
    }

    private async Task<LibraryOverview> ReadAsync()
    {
        await using var db = (await dbFactory.CreateDbContextAsync()).ViewAs(Viewer.Anonymous);
        return await LibraryQueries.OverviewAsync(db);
    }
}
