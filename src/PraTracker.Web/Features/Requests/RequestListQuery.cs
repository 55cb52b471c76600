using PraTracker.Data.Requests;

namespace PraTracker.Web.Features.Requests;

/// <summary>
/// The requests list's filters as its address carries them (?q=&amp;status=&amp;state=&amp;agency=&amp;vendor=&amp;technology=&amp;overdue=),
/// read the same way by the list page and by its CSV exports, so an export holds exactly the rows the list shows.
/// </summary>
public static class RequestListQuery
{
    public static RequestFilter Filter(string? text, string? status, string? state, string? agency, string? vendor, string? technology, string? overdue) => new(
        string.IsNullOrWhiteSpace(text) ? null : text,
        Enum.TryParse<RequestStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
        Guid.TryParse(agency, out var agencyId) ? agencyId : null,
        string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToUpperInvariant(),
        Guid.TryParse(vendor, out var vendorId) ? vendorId : null,
        string.IsNullOrWhiteSpace(technology) ? null : technology,
        OverdueOnly: overdue is "true");

    public static RequestFilter Filter(IQueryCollection query) =>
        Filter(query["q"], query["status"], query["state"], query["agency"], query["vendor"], query["technology"], query["overdue"]);
}
