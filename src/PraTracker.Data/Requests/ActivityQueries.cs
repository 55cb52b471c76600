using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Requests;

/// <summary>A request still waiting on the agency, and for how long.</summary>
public sealed record AwaitingRequest(Guid Id, string Reference, string Title, string AgencyName, RequestStatus Status, DateOnly SentOn, int DaysWaiting);

/// <summary>A recent step on some request's timeline.</summary>
public sealed record ActivityRow(Guid RequestId, string Reference, string RequestTitle, RequestEventKind Kind, DateOnly OccurredOn, string Summary, DateTimeOffset LoggedAt);

/// <summary>The dashboard's view of the work: what has waited longest, and what happened lately.</summary>
public static class ActivityQueries
{
    private static readonly RequestStatus[] Waiting = [RequestStatus.Sent, RequestStatus.Acknowledged, RequestStatus.Processing];

    /// <summary>Sent requests the agency still owes an answer on, oldest first.</summary>
    public static async Task<IReadOnlyList<AwaitingRequest>> AwaitingLongestAsync(PraTrackerDbContext db, DateOnly today, int take = 10, CancellationToken ct = default)
    {
        var rows = await db.Requests.AsNoTracking()
            .Where(r => Waiting.Contains(r.Status) && r.SentOn != null)
            .OrderBy(r => r.SentOn).ThenBy(r => r.Reference)
            .Take(take)
            .Select(r => new { r.Id, r.Reference, r.Title, AgencyName = r.Agency.Name, r.Status, SentOn = r.SentOn!.Value })
            .ToListAsync(ct);
        return [.. rows.Select(r => new AwaitingRequest(r.Id, r.Reference, r.Title, r.AgencyName, r.Status, r.SentOn, today.DayNumber - r.SentOn.DayNumber))];
    }

    /// <summary>The latest events logged on requests the viewer may see, newest first.</summary>
    public static async Task<IReadOnlyList<ActivityRow>> RecentAsync(PraTrackerDbContext db, int take = 10, CancellationToken ct = default) =>
        await db.RequestEvents.AsNoTracking()
            .OrderByDescending(e => e.LoggedAt).ThenByDescending(e => e.Id)
            .Take(take)
            .Select(e => new ActivityRow(e.RequestId, e.Request.Reference, e.Request.Title, e.Kind, e.OccurredOn, e.Summary, e.LoggedAt))
            .ToListAsync(ct);
}
