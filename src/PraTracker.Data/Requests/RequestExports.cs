using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Requests;

/// <summary>A request as a row of the requests export.</summary>
public sealed record RequestExportRow(
    Guid Id, string Reference, string Title, string AgencyName, string AgencyState, string LawCode, RequestStatus Status, RequestOutcome? Outcome,
    RequestVisibility Visibility, DateOnly? SentOn, DateOnly? ReceivedOn, SubmissionMethod? Method, string? AgencyTrackingNumber, DateOnly? NextDueOn);

/// <summary>A deadline as a row of the deadlines export.</summary>
public sealed record DeadlineExportRow(
    Guid RequestId, string Reference, string RequestTitle, string AgencyName, DeadlineKind Kind, DateOnly DueOn, DeadlineStatus Status,
    DateOnly? ClosedOn, string Explanation, string? Warning);

/// <summary>
/// The requests list's rows and their deadlines, whole rather than a page, for CSV exports; read through the visibility
/// filter like the list, so a visitor's export holds public requests only, and never attorneys' notes or assignees.
/// </summary>
public static class RequestExports
{
    public static IAsyncEnumerable<RequestExportRow> RequestsAsync(PraTrackerDbContext db, RequestFilter filter) =>
        RequestQueries.Filtered(db, filter)
            .OrderBy(r => r.Reference).ThenBy(r => r.Id)
            .Select(r => new RequestExportRow(
                r.Id, r.Reference, r.Title, r.Agency.Name, r.Agency.State, r.Law.Code, r.Status, r.Outcome, r.Visibility, r.SentOn, r.ReceivedOn,
                r.Method, r.AgencyTrackingNumber,
                r.Deadlines.Where(d => d.Status == DeadlineStatus.Open || (d.Status == DeadlineStatus.Missed && d.ClosedOn == null)).Min(d => (DateOnly?)d.DueOn)))
            .AsAsyncEnumerable();

    public static IAsyncEnumerable<DeadlineExportRow> DeadlinesAsync(PraTrackerDbContext db, RequestFilter filter)
    {
        var requests = RequestQueries.Filtered(db, filter).Select(r => r.Id);
        return db.Deadlines.AsNoTracking()
            .Where(d => requests.Contains(d.RequestId))
            .OrderBy(d => d.DueOn).ThenBy(d => d.Request.Reference).ThenBy(d => d.Id)
            .Select(d => new DeadlineExportRow(
                d.RequestId, d.Request.Reference, d.Request.Title, d.Request.Agency.Name, d.Kind, d.DueOn, d.Status, d.ClosedOn, d.Explanation, d.Warning))
            .AsAsyncEnumerable();
    }
}
