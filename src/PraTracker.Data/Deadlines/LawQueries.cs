using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Deadlines;

/// <summary>A law as a picker lists it.</summary>
public sealed record LawOption(string Code, string Name, string Citation);

/// <summary>Reads laws with what the deadline engine needs; laws are public.</summary>
public static class LawQueries
{
    public static async Task<IReadOnlyList<LawOption>> ListAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        await db.Laws.AsNoTracking().OrderBy(l => l.Code).Select(l => new LawOption(l.Code, l.Name, l.Citation)).ToListAsync(ct);

    /// <summary>The law with this code and its holiday calendar, rules and closures; null when there is none.</summary>
    public static Task<PublicRecordsLaw?> FindWithCalendarAsync(PraTrackerDbContext db, string code, CancellationToken ct = default) =>
        db.Laws.AsNoTracking()
            .Include(l => l.HolidayCalendar).ThenInclude(c => c.Rules)
            .Include(l => l.HolidayCalendar).ThenInclude(c => c.Closures)
            .AsSplitQuery()
            .SingleOrDefaultAsync(l => l.Code == code, ct);
}
