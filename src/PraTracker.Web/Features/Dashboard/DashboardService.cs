using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Dashboard;

/// <summary>The dashboard's reads: overdue deadlines and those due within a week, the longest waits, recent activity.</summary>
public sealed class DashboardService(ViewerContextFactory contexts, OrganisationClock clock)
{
    public const int HorizonDays = 7;

    public DateOnly Today => clock.Today;

    public Task<IReadOnlyList<UpcomingDeadline>> DeadlinesDueSoonAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => DeadlineQueries.DueSoonAsync(db, clock.Today, HorizonDays, ct), ct);

    public Task<IReadOnlyList<AwaitingRequest>> AwaitingLongestAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => ActivityQueries.AwaitingLongestAsync(db, clock.Today, ct: ct), ct);

    public Task<IReadOnlyList<ActivityRow>> RecentActivityAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => ActivityQueries.RecentAsync(db, ct: ct), ct);
}
