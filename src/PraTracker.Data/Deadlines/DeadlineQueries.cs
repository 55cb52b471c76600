using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Deadlines;

/// <summary>An open deadline as the dashboard and the calendar feed list it.</summary>
public sealed record UpcomingDeadline(
    Guid DeadlineId, Guid RequestId, string Reference, string RequestTitle, string AgencyName,
    DeadlineKind Kind, DateOnly DueOn, int DaysLeft, string Explanation);

/// <summary>Reads deadlines through the context's visibility filter.</summary>
public static class DeadlineQueries
{
    /// <summary>Deadlines that are overdue (missed, no response yet) or due within <paramref name="days"/> days of <paramref name="today"/>, soonest first.</summary>
    public static Task<IReadOnlyList<UpcomingDeadline>> DueSoonAsync(PraTrackerDbContext db, DateOnly today, int days, CancellationToken ct = default)
    {
        var horizon = today.AddDays(days);
        return ListAsync(Outstanding(db).Where(d => d.Status == DeadlineStatus.Missed || d.DueOn <= horizon), today, 200, ct);
    }

    /// <summary>Every outstanding deadline of the requests a user is assigned to, soonest first.</summary>
    public static Task<IReadOnlyList<UpcomingDeadline>> OutstandingForAssigneeAsync(PraTrackerDbContext db, string userId, DateOnly today, CancellationToken ct = default) =>
        ListAsync(Outstanding(db).Where(d => d.Request.Assignments.Any(a => a.UserId == userId)), today, 2_000, ct);

    // Open, or missed with no response yet: what an attorney still has to act on.
    private static IQueryable<Deadline> Outstanding(PraTrackerDbContext db) =>
        db.Deadlines.AsNoTracking().Where(d => d.Status == DeadlineStatus.Open || (d.Status == DeadlineStatus.Missed && d.ClosedOn == null));

    private static async Task<IReadOnlyList<UpcomingDeadline>> ListAsync(IQueryable<Deadline> deadlines, DateOnly today, int take, CancellationToken ct)
    {
        var rows = await deadlines
            .OrderBy(d => d.DueOn).ThenBy(d => d.Request.Reference)
            .Select(d => new { d.Id, d.RequestId, d.Request.Reference, d.Request.Title, AgencyName = d.Request.Agency.Name, d.Kind, d.DueOn, d.Explanation })
            .Take(take)
            .ToListAsync(ct);
        return [.. rows.Select(d => new UpcomingDeadline(d.Id, d.RequestId, d.Reference, d.Title, d.AgencyName, d.Kind, d.DueOn, d.DueOn.DayNumber - today.DayNumber, d.Explanation))];
    }
}
