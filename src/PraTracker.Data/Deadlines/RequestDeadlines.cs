using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Deadlines;

/// <summary>
/// Keeps a request's stored deadlines equal to what the calculator derives from its law, calendar and timeline.
/// Derived deadlines are matched by kind and source event, so running it twice changes nothing the second time;
/// the attorney's own working deadlines are left alone except that they become missed once past.
/// </summary>
public static class RequestDeadlines
{
    /// <summary>
    /// Brings the request's tracked deadlines up to date without saving, so the caller saves them in the same
    /// transaction as the event that caused them. Returns how many deadlines were added, changed or removed.
    /// </summary>
    public static async Task<int> RecalculateAsync(PraTrackerDbContext db, Guid requestId, DateOnly today, CancellationToken ct = default)
    {
        var (request, calendar) = await LoadAsync(db, requestId, ct);
        return Synchronise(db, request, calendar, today);
    }

    /// <summary>Loads a request (tracked) with everything the calculator needs: law, calendar, agency closures, events, deadlines.</summary>
    public static async Task<(RecordsRequest Request, BusinessCalendar Calendar)> LoadAsync(PraTrackerDbContext db, Guid requestId, CancellationToken ct = default)
    {
        var request = await db.Requests
            .Include(r => r.Events)
            .Include(r => r.Deadlines)
            .AsSplitQuery()
            .SingleAsync(r => r.Id == requestId, ct);
        request.Law = await db.Laws.WithCalendar().SingleAsync(l => l.Id == request.LawId, ct);
        return (request, await LawQueries.CalendarForAsync(db, request.Law, request.AgencyId, ct));
    }

    /// <summary>The deadlines as they would be now, for a request already loaded with its law, calendar and events.</summary>
    public static IReadOnlyList<CalculatedDeadline> Calculate(RecordsRequest request, BusinessCalendar calendar, DateOnly today) =>
        DeadlineCalculator.Calculate(
            request.Law,
            calendar,
            request.ReceivedOn,
            request.Events
                .OrderBy(e => e.OccurredOn).ThenBy(e => e.LoggedAt)
                .Select(e => new TimelineEvent(e.Id, e.Kind, e.OccurredOn, e.AgencyPromisedOn)),
            today);

    /// <summary>
    /// Recalculates every request matching <paramref name="which"/>, a batch at a time on fresh contexts, and
    /// saves each batch. Used when a law or a calendar is edited, and daily to mark passed deadlines missed.
    /// </summary>
    public static async Task<int> RecalculateManyAsync(
        Func<CancellationToken, Task<PraTrackerDbContext>> openContext,
        Func<IQueryable<RecordsRequest>, IQueryable<RecordsRequest>> which,
        DateOnly today,
        IProgress<int>? progress = null,
        CancellationToken ct = default)
    {
        const int batchSize = 200;
        var changed = 0;
        var done = 0;
        Guid? after = null;
        while (true)
        {
            List<Guid> ids;
            await using (var db = await openContext(ct))
            {
                var query = which(db.Requests.AsNoTracking());
                if (after is { } last)
                {
                    query = query.Where(r => r.Id.CompareTo(last) > 0);
                }

                ids = await query.OrderBy(r => r.Id).Select(r => r.Id).Take(batchSize).ToListAsync(ct);
            }

            if (ids.Count == 0)
            {
                return changed;
            }

            await using (var db = await openContext(ct))
            {
                foreach (var id in ids)
                {
                    changed += await RecalculateAsync(db, id, today, ct);
                }

                await db.SaveChangesAsync(ct);
            }

            done += ids.Count;
            progress?.Report(done);
            after = ids[^1];
        }
    }

    /// <summary>
    /// Adds a working deadline the attorney sets: for a law with no fixed period ("promptly"), or a date agreed
    /// with the agency. Returns the problems with the input, or none once saved.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AddWorkingAsync(
        PraTrackerDbContext db, Guid requestId, DateOnly dueOn, string reason, DateOnly today, CancellationToken ct = default)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("Say why this date matters (for example \"agreed by phone with the records officer\").");
        }
        else if (reason.Length > 1000)
        {
            errors.Add("Keep the reason under 1,000 characters.");
        }

        if (dueOn < today)
        {
            errors.Add($"{dueOn:yyyy-MM-dd} has already passed; a working deadline must be today or later.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var exists = await db.Requests.AnyAsync(r => r.Id == requestId, ct);
        if (!exists)
        {
            return ["That request does not exist or you cannot see it."];
        }

        db.Deadlines.Add(new Deadline
        {
            RequestId = requestId,
            Kind = DeadlineKind.Working,
            DueOn = dueOn,
            Explanation = $"Working deadline set by the attorney: {reason.Trim()}",
            Status = DeadlineStatus.Open,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Marks a working deadline met (done) or removes it; statutory deadlines follow the timeline and cannot be edited.</summary>
    public static async Task<bool> CloseWorkingAsync(PraTrackerDbContext db, Guid deadlineId, bool remove, DateOnly today, CancellationToken ct = default)
    {
        var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == deadlineId && d.Kind == DeadlineKind.Working, ct);
        if (deadline is null)
        {
            return false;
        }

        if (remove)
        {
            db.Deadlines.Remove(deadline);
        }
        else
        {
            deadline.Status = DeadlineStatus.Met;
            deadline.ClosedOn = today;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Makes a loaded request's deadlines match its timeline; returns how many were added, changed or removed.</summary>
    public static int Synchronise(PraTrackerDbContext db, RecordsRequest request, BusinessCalendar calendar, DateOnly today)
    {
        // Working and objection deadlines are given dates, not derived from the timeline: they are not recomputed here.
        var changes = 0;
        var unmatched = request.Deadlines.Where(d => d.Kind is not (DeadlineKind.Working or DeadlineKind.ObjectionNotice or DeadlineKind.ObjectionCourtDate)).ToList();
        foreach (var computed in Calculate(request, calendar, today))
        {
            var stored = unmatched.FirstOrDefault(d => d.Kind == computed.Kind && d.SourceEventId == computed.SourceEventId);
            if (stored is null)
            {
                // Added through the context: a new entity with a client-made key, found only through a navigation,
                // would be taken for an existing row and updated instead of inserted.
                var added = new Deadline
                {
                    RequestId = request.Id,
                    Kind = computed.Kind,
                    SourceEventId = computed.SourceEventId,
                    DueOn = computed.DueOn,
                    Explanation = computed.Explanation,
                    Warning = computed.Warning,
                    Status = computed.Status,
                    ClosedOn = computed.ClosedOn,
                };
                db.Deadlines.Add(added); // fix-up puts it in request.Deadlines too
                changes++;
                continue;
            }

            unmatched.Remove(stored);
            if (stored.DueOn != computed.DueOn || stored.Explanation != computed.Explanation || stored.Warning != computed.Warning
                || stored.Status != computed.Status || stored.ClosedOn != computed.ClosedOn)
            {
                stored.DueOn = computed.DueOn;
                stored.Explanation = computed.Explanation;
                stored.Warning = computed.Warning;
                stored.Status = computed.Status;
                stored.ClosedOn = computed.ClosedOn;
                changes++;
            }
        }

        // A deadline the timeline no longer gives (its event was corrected or removed) is derived data: it goes.
        foreach (var stale in unmatched)
        {
            request.Deadlines.Remove(stale);
            db.Deadlines.Remove(stale);
            changes++;
        }

        // The attorney's working deadlines end with the request: met when it is produced in full or withdrawn,
        // missed (and overdue) once past otherwise.
        var ended = request.Events
            .Where(e => e.Kind is RequestEventKind.FinalProduction or RequestEventKind.Withdrawal)
            .Select(e => (DateOnly?)e.OccurredOn)
            .Min();
        foreach (var working in request.Deadlines.Where(d => d.Kind == DeadlineKind.Working && (d.Status == DeadlineStatus.Open || (d.Status == DeadlineStatus.Missed && d.ClosedOn is null))))
        {
            if (ended is { } on)
            {
                working.Status = on <= working.DueOn ? DeadlineStatus.Met : DeadlineStatus.Missed;
                working.ClosedOn = on;
                changes++;
            }
            else if (working.Status == DeadlineStatus.Open && working.DueOn < today)
            {
                working.Status = DeadlineStatus.Missed;
                changes++;
            }
        }

        // A vendor objection's dates are the requester's: they close when the objection is resolved (VendorObjections),
        // not with the request, and become missed (overdue) once past while it stands.
        foreach (var objection in request.Deadlines.Where(d => d.Kind is DeadlineKind.ObjectionNotice or DeadlineKind.ObjectionCourtDate
                     && d.Status == DeadlineStatus.Open && d.DueOn < today))
        {
            objection.Status = DeadlineStatus.Missed;
            changes++;
        }

        if (changes > 0)
        {
            // Touching the request renews its concurrency stamp, so two recounts of one request at the same moment
            // cannot both save: the second fails (and is retried) instead of adding the same deadlines twice.
            db.Entry(request).Property(r => r.UpdatedAt).IsModified = true;
        }

        return changes;
    }
}
