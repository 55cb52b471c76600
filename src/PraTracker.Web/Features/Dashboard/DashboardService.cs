using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Dashboard;

/// <summary>The dashboard's reads: overdue deadlines and those due within a week.</summary>
public sealed class DashboardService(ViewerContextFactory contexts, OrganisationClock clock)
{
    public const int HorizonDays = 7;

    public DateOnly Today => clock.Today;

    public Task<IReadOnlyList<UpcomingDeadline>> DeadlinesDueSoonAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => DeadlineQueries.DueSoonAsync(db, clock.Today, HorizonDays, ct), ct);
}
