using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Endpoints;

/// <summary>
/// Each user's secret, revocable iCalendar feed at /calendar/{token}.ics: every outstanding deadline of their requests
/// as an all-day event. Calendar apps cannot sign in, so the secret in the address is the credential; an unknown,
/// revoked or malformed one gets a bare 404.
/// </summary>
public static class CalendarFeedEndpoints
{
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous by design: the token is checked below, and nothing is served without a valid one.
        endpoints.MapGet("/calendar/{token}.ics", ServeAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(
        string token, HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await AlertPreferences.FeedOwnerAsync(db, token, clock.UtcNow, ct) is not { } owner)
        {
            // A bare 404, not the app's not-found page: the address says nothing about whether it ever existed.
            http.SkipStatusCodePage();
            return TypedResults.NotFound();
        }

        db.ViewAs(Viewer.Staff(owner));
        var deadlines = await DeadlineQueries.OutstandingForAssigneeAsync(db, owner, clock.Today, ct);
        var calendar = Build(deadlines, $"{http.Request.Scheme}://{http.Request.Host}", clock.UtcNow);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Text(new CalendarSerializer().SerializeToString(calendar)!, "text/calendar; charset=utf-8");
    }

    /// <summary>One all-day event per deadline, named and explained as the request page shows it.</summary>
    public static Calendar Build(IEnumerable<UpcomingDeadline> deadlines, string baseUrl, DateTimeOffset now)
    {
        var calendar = new Calendar { ProductId = "-//PraTracker//Deadlines//EN" };
        calendar.AddProperty("X-WR-CALNAME", "PraTracker deadlines");
        foreach (var deadline in deadlines)
        {
            var link = $"{baseUrl}/requests/{deadline.RequestId}";
            var overdue = deadline.DaysLeft < 0 ? " (overdue)" : "";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{deadline.DeadlineId}@pratracker",
                Summary = $"{deadline.Reference}: {DeadlineKindNames.Of(deadline.Kind)} due{overdue}, {deadline.AgencyName}",
                Description = $"{deadline.RequestTitle}\n{deadline.Explanation}\n{link}",
                Url = new Uri(link),
                Start = new CalDateTime(deadline.DueOn),
                End = new CalDateTime(deadline.DueOn.AddDays(1)),
                DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
                Transparency = TransparencyType.Transparent,
            });
        }

        return calendar;
    }
}
