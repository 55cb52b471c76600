using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;

namespace PraTracker.Web.Features.Deadlines;

/// <summary>What the calculator answers: the law in words, and the deadlines it gives (none for a law with no fixed period).</summary>
public sealed record CalculatorAnswer(LawSummary Law, IReadOnlyList<ComputedDeadline> Deadlines);

/// <summary>The public calculator: the statutory deadlines for a law and a date of receipt.</summary>
public sealed class DeadlineCalculatorService(IDbContextFactory<PraTrackerDbContext> dbFactory)
{
    public async Task<IReadOnlyList<LawOption>> ListLawsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LawQueries.ListAsync(db, ct);
    }

    /// <summary>The deadlines, or null when no law has this code.</summary>
    public async Task<IReadOnlyList<ComputedDeadline>?> CalculateAsync(string lawCode, DateOnly received, bool extended, CancellationToken ct = default) =>
        (await AnswerAsync(lawCode, received, extended, ct))?.Deadlines;

    /// <summary>The law in words and its deadlines, or null when no law has this code.</summary>
    public async Task<CalculatorAnswer?> AnswerAsync(string lawCode, DateOnly received, bool extended, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LawQueries.FindWithCalendarAsync(db, lawCode, ct) is { } law
            ? new CalculatorAnswer(LawSummary.Of(law), StatutoryDeadlines.AfterReceipt(law, new BusinessCalendar(law.HolidayCalendar), received, extended))
            : null;
    }
}
