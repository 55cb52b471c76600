using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Deadlines;

/// <summary>Reads laws with what the deadline engine needs; laws are public.</summary>
public static class LawQueries
{
    /// <summary>The law with this code and its holiday calendar, rules and closures; null when there is none.</summary>
    public static Task<PublicRecordsLaw?> FindWithCalendarAsync(PraTrackerDbContext db, string code, CancellationToken ct = default) =>
        db.Laws.AsNoTracking()
            .Include(l => l.HolidayCalendar).ThenInclude(c => c.Rules)
            .Include(l => l.HolidayCalendar).ThenInclude(c => c.Closures)
            .AsSplitQuery()
            .SingleOrDefaultAsync(l => l.Code == code, ct);
}
