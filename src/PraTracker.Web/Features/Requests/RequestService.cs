using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Requests;

/// <summary>The requests pages' reads, run as whoever is looking, and the attorneys' changes to a request's timeline.</summary>
public sealed class RequestService(ViewerContextFactory contexts, OrganisationClock clock)
{
    public DateOnly Today => clock.Today;

    public Task<Page<RequestRow>> ListAsync(RequestFilter filter, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestQueries.ListAsync(db, filter, page, ct), ct);

    public Task<RequestDetail?> GetAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestQueries.GetAsync(db, id, ct), ct);

    /// <summary>Logs an event on the timeline and recomputes the deadlines; staff only.</summary>
    public async Task<TimelineResult> LogEventAsync(Guid requestId, RequestEventInput input, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestTimeline.LogAsync(db, requestId, input, db.Viewer.UserId, clock.UtcNow, clock.Today, ct);
    }

    /// <summary>Removes an event logged by mistake; staff only.</summary>
    public async Task<TimelineResult> RemoveEventAsync(Guid requestId, Guid eventId, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestTimeline.RemoveAsync(db, requestId, eventId, clock.Today, ct);
    }

    /// <summary>Adds a working deadline the attorney chose; staff only.</summary>
    public async Task<IReadOnlyList<string>> AddWorkingDeadlineAsync(Guid requestId, DateOnly dueOn, string reason, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestDeadlines.AddWorkingAsync(db, requestId, dueOn, reason, clock.Today, ct);
    }

    /// <summary>Marks a working deadline done, or removes it; staff only.</summary>
    public async Task CloseWorkingDeadlineAsync(Guid deadlineId, bool remove, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        await RequestDeadlines.CloseWorkingAsync(db, deadlineId, remove, clock.Today, ct);
    }

    // The page hides these controls from visitors; this check is the one that counts.
    private async Task<PraTrackerDbContext> OpenAsStaffAsync(CancellationToken ct)
    {
        var db = await contexts.OpenAsync(ct);
        if (db.Viewer is { SeesPrivate: true, UserId: not null })
        {
            return db;
        }

        await db.DisposeAsync();
        throw new UnauthorizedAccessException("Only attorneys and admins can change a request.");
    }
}
