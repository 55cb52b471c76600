using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Requests;

/// <summary>What an attorney logs on a request's timeline.</summary>
public sealed record RequestEventInput(
    RequestEventKind Kind,
    DateOnly OccurredOn,
    string Summary,
    string? ExemptionsCited = null,
    DateOnly? AgencyPromisedOn = null);

/// <summary>The outcome of a timeline change: the errors that stopped it, or none.</summary>
public sealed record TimelineResult(IReadOnlyList<string> Errors)
{
    public static readonly TimelineResult Saved = new([]);

    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Logs and removes timeline events. Each change updates the request's status and recomputes its deadlines in
/// the same transaction, so the deadlines on screen always follow from the events on screen.
/// </summary>
public static class RequestTimeline
{
    public const int MaxSummaryLength = 500;

    /// <summary>The kinds of event that may carry a date the agency promised.</summary>
    public static readonly IReadOnlyList<RequestEventKind> KindsWithPromisedDate =
        [RequestEventKind.Acknowledged, RequestEventKind.ExtensionNotice, RequestEventKind.FeeEstimate, RequestEventKind.PartialProduction];

    /// <summary>The kinds of event that may cite exemptions.</summary>
    public static readonly IReadOnlyList<RequestEventKind> KindsWithExemptions =
        [RequestEventKind.Denial, RequestEventKind.PartialProduction, RequestEventKind.FinalProduction, RequestEventKind.AppealDecision];

    /// <summary>Every problem with the input, in words an attorney can act on; empty when it can be saved.</summary>
    public static IReadOnlyList<string> Validate(RequestEventInput input, DateOnly today)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Summary))
        {
            errors.Add("Say in a line what happened (the summary is required).");
        }
        else if (input.Summary.Length > MaxSummaryLength)
        {
            errors.Add($"The summary is {input.Summary.Length} characters; keep it under {MaxSummaryLength} and put the rest in a note.");
        }

        if (input.OccurredOn > today)
        {
            errors.Add($"The event is dated {input.OccurredOn:yyyy-MM-dd}, which is in the future; log it when it happens.");
        }

        if (input.AgencyPromisedOn is { } promised)
        {
            if (!KindsWithPromisedDate.Contains(input.Kind))
            {
                errors.Add("Only an acknowledgement, an extension notice, a fee estimate or a partial production can carry a date the agency promised.");
            }
            else if (promised < input.OccurredOn)
            {
                errors.Add($"The agency's promised date ({promised:yyyy-MM-dd}) is before the event itself ({input.OccurredOn:yyyy-MM-dd}).");
            }
        }

        if (!string.IsNullOrWhiteSpace(input.ExemptionsCited) && !KindsWithExemptions.Contains(input.Kind))
        {
            errors.Add("Exemptions are cited on a denial, a production or an appeal decision.");
        }

        return errors;
    }

    /// <summary>
    /// Logs an event, updates the request's status and dates, and recomputes its deadlines; nothing is saved if the
    /// input is invalid. <paramref name="alongside"/> makes further changes (the e-mail the event records, the dates
    /// it sets) that are saved in the same transaction and counted in the same recomputation.
    /// </summary>
    public static async Task<TimelineResult> LogAsync(
        PraTrackerDbContext db, Guid requestId, RequestEventInput input, string? userId, DateTimeOffset now, DateOnly today, CancellationToken ct = default,
        Action<RecordsRequest, RequestEvent>? alongside = null)
    {
        var errors = Validate(input, today);
        if (errors.Count > 0)
        {
            return new TimelineResult(errors);
        }

        var (request, calendar) = await RequestDeadlines.LoadAsync(db, requestId, ct);
        var logged = new RequestEvent
        {
            RequestId = request.Id,
            Kind = input.Kind,
            OccurredOn = input.OccurredOn,
            Summary = input.Summary.Trim(),
            ExemptionsCited = string.IsNullOrWhiteSpace(input.ExemptionsCited) ? null : input.ExemptionsCited.Trim(),
            AgencyPromisedOn = input.AgencyPromisedOn,
            LoggedByUserId = userId,
            LoggedAt = now,
        };
        db.RequestEvents.Add(logged); // fix-up puts it in request.Events too
        ApplyToRequest(request, logged);
        alongside?.Invoke(request, logged);
        RequestDeadlines.Synchronise(db, request, calendar, today);
        db.Entry(request).Property(r => r.UpdatedAt).IsModified = true;
        return await SaveAsync(db, ct);
    }

    /// <summary>
    /// Says what a filed agency reply is (an acknowledgement, an extension with its new date, a denial...): the event
    /// takes that kind, and the request's status and deadlines follow as if it had been logged so.
    /// </summary>
    public static async Task<TimelineResult> ClassifyAsync(
        PraTrackerDbContext db, Guid requestId, Guid eventId, RequestEventInput input, string? userId, DateTimeOffset now, DateOnly today, CancellationToken ct = default)
    {
        var errors = Validate(input, today).ToList();
        if (input.Kind is RequestEventKind.AgencyReply or RequestEventKind.FollowUp or RequestEventKind.Filed)
        {
            errors.Add("Choose what the agency's reply is: an acknowledgement, an extension, a request for clarification, a fee estimate, a production or a denial.");
        }

        if (errors.Count > 0)
        {
            return new TimelineResult(errors);
        }

        var (request, calendar) = await RequestDeadlines.LoadAsync(db, requestId, ct);
        if (request.Events.FirstOrDefault(e => e.Id == eventId) is not { } reply)
        {
            return new TimelineResult(["That reply is no longer on this request's timeline."]);
        }

        if (reply.Kind != RequestEventKind.AgencyReply)
        {
            return new TimelineResult([$"This reply was already classified as {reply.Kind}; remove the event and log it again to change it."]);
        }

        reply.Kind = input.Kind;
        reply.OccurredOn = input.OccurredOn;
        reply.Summary = input.Summary.Trim();
        reply.ExemptionsCited = string.IsNullOrWhiteSpace(input.ExemptionsCited) ? null : input.ExemptionsCited.Trim();
        reply.AgencyPromisedOn = input.AgencyPromisedOn;
        reply.LoggedByUserId = userId;
        reply.LoggedAt = now;
        ApplyToRequest(request, reply);
        RequestDeadlines.Synchronise(db, request, calendar, today);
        db.Entry(request).Property(r => r.UpdatedAt).IsModified = true;
        return await SaveAsync(db, ct);
    }

    /// <summary>Removes an event logged by mistake and recomputes the deadlines it gave.</summary>
    public static async Task<TimelineResult> RemoveAsync(PraTrackerDbContext db, Guid requestId, Guid eventId, DateOnly today, CancellationToken ct = default)
    {
        var (request, calendar) = await RequestDeadlines.LoadAsync(db, requestId, ct);
        if (request.Events.FirstOrDefault(e => e.Id == eventId) is not { } removed)
        {
            return new TimelineResult(["That event is no longer on this request's timeline."]);
        }

        // Deadlines the event gave go with it; Synchronise recomputes what the remaining events give.
        foreach (var derived in request.Deadlines.Where(d => d.SourceEventId == eventId).ToList())
        {
            request.Deadlines.Remove(derived);
            db.Deadlines.Remove(derived);
        }

        request.Events.Remove(removed);
        db.RequestEvents.Remove(removed);
        RequestDeadlines.Synchronise(db, request, calendar, today);
        db.Entry(request).Property(r => r.UpdatedAt).IsModified = true;
        return await SaveAsync(db, ct);
    }

    // The request's concurrency stamp makes two changes to one timeline at the same moment collide instead of
    // interleaving their deadline recounts; the loser saves nothing and is told to reload.
    private static async Task<TimelineResult> SaveAsync(PraTrackerDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return TimelineResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new TimelineResult(["Someone changed this request while you were saving, so nothing was saved. Reload the page and try again."]);
        }
    }

    // The request's own fields follow its latest news: its status, and its sent and received dates when the
    // timeline is the first to know them.
    private static void ApplyToRequest(RecordsRequest request, RequestEvent logged)
    {
        switch (logged.Kind)
        {
            case RequestEventKind.Filed:
                request.SentOn ??= logged.OccurredOn;
                if (request.Status == RequestStatus.Draft)
                {
                    request.Status = RequestStatus.Sent;
                }

                break;
            case RequestEventKind.Received:
                request.ReceivedOn = logged.OccurredOn;
                break;
            case RequestEventKind.Acknowledged:
                request.Status = RequestStatus.Acknowledged;
                break;
            case RequestEventKind.ExtensionNotice or RequestEventKind.ClarificationProvided or RequestEventKind.FeePaid or RequestEventKind.PartialProduction:
                request.Status = RequestStatus.Processing;
                break;
            case RequestEventKind.ClarificationRequested:
                request.Status = RequestStatus.AwaitingClarification;
                break;
            case RequestEventKind.FeeEstimate:
                request.Status = RequestStatus.AwaitingFee;
                break;
            case RequestEventKind.Denial:
                request.Status = RequestStatus.Closed;
                request.Outcome = RequestOutcome.Denied;
                break;
            case RequestEventKind.FinalProduction:
                request.Status = RequestStatus.Closed;
                request.Outcome = request.Events.Any(e => e.Kind == RequestEventKind.Denial) || logged.ExemptionsCited is not null
                    ? RequestOutcome.PartialRelease
                    : RequestOutcome.FullRelease;
                break;
            case RequestEventKind.Appeal:
                request.Status = RequestStatus.InAppeal;
                break;
            case RequestEventKind.Lawsuit:
                request.Status = RequestStatus.InLitigation;
                break;
            case RequestEventKind.Withdrawal:
                request.Status = RequestStatus.Closed;
                request.Outcome = RequestOutcome.Withdrawn;
                break;
            default:
                break;
        }
    }
}
