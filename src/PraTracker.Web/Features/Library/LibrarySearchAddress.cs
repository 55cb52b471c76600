using PraTracker.Data.Documents;

namespace PraTracker.Web.Features.Library;

/// <summary>
/// The search page's filters as its address carries them (?q=&amp;agency=&amp;vendor=&amp;category=&amp;request=&amp;from=&amp;to=&amp;sort=),
/// read the same way by the page and by the export of its results.
/// </summary>
public static class LibrarySearchAddress
{
    public static DocumentSearchFilters Filters(string? agency, string? vendor, string? category, string? request, string? from, string? to) => new(
        Guid.TryParse(agency, out var agencyId) ? agencyId : null,
        Guid.TryParse(vendor, out var vendorId) ? vendorId : null,
        string.IsNullOrWhiteSpace(category) ? null : category,
        Guid.TryParse(request, out var requestId) ? requestId : null,
        DateOnly.TryParseExact(from, "yyyy-MM-dd", out var first) ? first : null,
        DateOnly.TryParseExact(to, "yyyy-MM-dd", out var last) ? last : null);

    public static DocumentSearchFilters Filters(IQueryCollection query) =>
        Filters(query["agency"], query["vendor"], query["category"], query["request"], query["from"], query["to"]);

    public static DocumentSort Sort(string? sort) => sort is "newest" ? DocumentSort.Newest : DocumentSort.Relevance;
}
