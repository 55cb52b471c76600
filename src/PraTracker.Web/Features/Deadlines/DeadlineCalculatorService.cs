using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;

namespace PraTracker.Web.Features.Deadlines;

/// <summary>The public calculator: the statutory deadlines for a law and a date of receipt.</summary>
public sealed class DeadlineCalculatorService(IDbContextFactory<PraTrackerDbContext> dbFactory)
{
    public async Task<IReadOnlyList<LawOption>> ListLawsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LawQueries.ListAsync(db, ct);
    }

    /// <summary>The deadlines, or null when no law has this code.</summary>
    public async Task<IReadOnlyList<ComputedDeadline>?> CalculateAsync(string lawCode, DateOnly received, bool extended, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LawQueries.FindWithCalendarAsync(db, lawCode, ct) is { } law
            ? StatutoryDeadlines.AfterReceipt(law, new BusinessCalendar(law.HolidayCalendar), received, extended)
            : null;
    }
}
