using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Components.Shared;

/// <summary>
/// An expensive read as anonymous visitors see it, read once and reused. Once it is older than the lifetime
/// configured under <see cref="LifetimeKey"/>, visitors keep getting it while one background read replaces it, so
/// nobody waits but the first visitor after a start. The read always runs as an anonymous viewer, and staff, who see
/// private data, are never served from here (<see cref="Serves"/>): they read fresh. <see cref="Forget"/> drops it at
/// once, for changes made through this instance; other instances see a change after the lifetime.
/// </summary>
public abstract class VisitorCache<T>(IDbContextFactory<PraTrackerDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, ILogger logger)
{
    private readonly Lock _gate = new();
    private Task<T>? _value;
    private DateTimeOffset _readAt;
    private bool _refreshing;
    private int _generation; // bumped by Forget, so a refresh begun before it cannot put back what it forgot

    /// <summary>The configuration key of the lifetime, in seconds; 0 reads fresh every time.</summary>
    protected abstract string LifetimeKey { get; }

    protected abstract int DefaultSeconds { get; }

    private TimeSpan Lifetime => TimeSpan.FromSeconds(configuration.GetValue(LifetimeKey, DefaultSeconds));

    /// <summary>Whether this viewer is served from here; when not, the caller reads for itself.</summary>
    public bool Serves(Viewer viewer) => !viewer.SeesPrivate && Lifetime > TimeSpan.Zero;

    public Task<T> GetAsync()
    {
        lock (_gate)
        {
            if (_value is null || _value.IsFaulted || _value.IsCanceled)
            {
                // Nothing to show yet (or the last read failed): everyone arriving now waits for the same read.
                _value = ReadAsAnonymousAsync();
                _readAt = clock.GetUtcNow();
            }

            var current = _value;
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
            _value = null;
            _generation++;
        }
    }

    /// <summary>The read itself, on a context that runs as an anonymous visitor.</summary>
    protected abstract Task<T> ReadAsync(PraTrackerDbContext db);

    private async Task RefreshAsync()
    {
        int generation;
        lock (_gate)
        {
            generation = _generation;
        }

        try
        {
            var fresh = await ReadAsAnonymousAsync();
            lock (_gate)
            {
                if (generation == _generation)
                {
                    _value = Task.FromResult(fresh);
                    _readAt = clock.GetUtcNow();
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Visitors keep the last value; the next visit after the lifetime tries again.
            logger.LogWarning(e, "Could not refresh {Cache}", GetType().Name);
        }
        finally
        {
            lock (_gate)
            {
                _refreshing = false;
            }
        }
    }

    private async Task<T> ReadAsAnonymousAsync()
    {
        await using var db = (await dbFactory.CreateDbContextAsync()).ViewAs(Viewer.Anonymous);
        return await ReadAsync(db);
    }
}
