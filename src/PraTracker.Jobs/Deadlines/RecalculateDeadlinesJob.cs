using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Jobs.Deadlines;

/// <summary>Which requests a recount covers: those under one law, one holiday calendar, or one agency.</summary>
public enum RecalculationScope
{
    Law,
    Calendar,
    Agency,
}

/// <summary>
/// Recounts the deadlines of every request a law, calendar or agency change touches. Idempotent: the recount
/// matches stored deadlines by kind and source event, so a retried or repeated run changes nothing further.
/// </summary>
public sealed class RecalculateDeadlinesJob(IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, ILogger<RecalculateDeadlinesJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<string> RunAsync(RecalculationScope scope, Guid id, CancellationToken ct)
    {
        Func<IQueryable<RecordsRequest>, IQueryable<RecordsRequest>> which = scope switch
        {
            RecalculationScope.Law => requests => requests.Where(r => r.LawId == id),
            RecalculationScope.Calendar => requests => requests.Where(r => r.Law.HolidayCalendarId == id),
            RecalculationScope.Agency => requests => requests.Where(r => r.AgencyId == id),
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown recount scope."),
        };
        var requests = 0;
        var changed = await RequestDeadlines.RecalculateManyAsync(
            async token => (await dbFactory.CreateDbContextAsync(token)).ViewAs(Viewer.System),
            which,
            clock.Today,
            new Progress<int>(done => requests = done),
            ct);
        var outcome = $"Recounted the deadlines of {requests} requests under {scope.ToString().ToLowerInvariant()} {id}: {changed} deadlines added, changed or removed.";
        logger.LogInformation("{Outcome}", outcome);
        return outcome;
    }
}

/// <summary>Marks deadlines missed once their day has passed; runs daily, just after midnight in the organisation's time zone.</summary>
public sealed class MarkMissedDeadlinesJob(IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, ILogger<MarkMissedDeadlinesJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var changed = await RequestDeadlines.RecalculateManyAsync(
            async token => (await dbFactory.CreateDbContextAsync(token)).ViewAs(Viewer.System),
            requests => requests.Where(r => r.Deadlines.Any(d => d.Status == DeadlineStatus.Open && d.DueOn < today)),
            today,
            progress: null,
            ct);
        var outcome = $"{changed} deadlines changed on {today:yyyy-MM-dd}.";
        logger.LogInformation("Missed-deadline sweep: {Outcome}", outcome);
        return outcome;
    }
}

/// <summary>Queues deadline recounts; what the web app calls after an admin edits a law, a calendar or a closure.</summary>
public sealed class DeadlineRecalculation(IBackgroundJobClient jobs)
{
    public string Enqueue(RecalculationScope scope, Guid id) =>
        jobs.Enqueue<RecalculateDeadlinesJob>(job => job.RunAsync(scope, id, CancellationToken.None));
}
