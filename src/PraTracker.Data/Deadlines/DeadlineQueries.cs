using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Deadlines;

/// <summary>An open deadline as the dashboard lists it.</summary>
public sealed record UpcomingDeadline(
    Guid DeadlineId, Guid RequestId, string Reference, string RequestTitle, string AgencyName,
    DeadlineKind Kind, DateOnly DueOn, int DaysLeft, string Explanation);

/// <summary>Reads deadlines through the context's visibility filter.</summary>
public static class DeadlineQueries
{
    /// <summary>Deadlines that are overdue (missed, no response yet) or due within <paramref name="days"/> days of <paramref name="today"/>, soonest first.</summary>
    public static async Task<IReadOnlyList<UpcomingDeadline>> DueSoonAsync(PraTrackerDbContext db, DateOnly today, int days, CancellationToken ct = default)
    {
        var horizon = today.AddDays(days);
        var rows = await db.Deadlines.AsNoTracking()
            .Where(d => (d.Status == DeadlineStatus.Open && d.DueOn <= horizon) || (d.Status == DeadlineStatus.Missed && d.ClosedOn == null))
            .OrderBy(d => d.DueOn).ThenBy(d => d.Request.Reference)
            .Select(d => new { d.Id, d.RequestId, d.Request.Reference, d.Request.Title, AgencyName = d.Request.Agency.Name, d.Kind, d.DueOn, d.Explanation })
            .Take(200)
            .ToListAsync(ct);
        return rows
            .Select(d => new UpcomingDeadline(d.Id, d.RequestId, d.Reference, d.Title, d.AgencyName, d.Kind, d.DueOn, d.DueOn.DayNumber - today.DayNumber, d.Explanation))
            .ToList();
    }
}
