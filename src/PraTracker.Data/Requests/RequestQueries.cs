using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Requests;

/// <summary>A row of the requests list.</summary>
public sealed record RequestRow(
    Guid Id, string Reference, string Title, string AgencyName, string AgencyState, RequestStatus Status,
    RequestOutcome? Outcome, RequestVisibility Visibility, DateOnly? SentOn, DateOnly? NextDueOn);

/// <summary>What the requests list is filtered by; every field is optional and they combine with "and".</summary>
public sealed record RequestFilter(
    string? Text = null,
    RequestStatus? Status = null,
    Guid? AgencyId = null,
    string? State = null,
    Guid? VendorId = null,
    string? CategoryCode = null,
    string? AssignedUserId = null,
    bool OverdueOnly = false,
    DateOnly? Today = null,
    Guid? CampaignId = null);

/// <summary>A request as its page shows it; <see cref="InternalNotes"/> is null for anonymous viewers.</summary>
public sealed record RequestDetail(
    Guid Id, string Reference, string Title, Guid AgencyId, string AgencyName, string LawCode, string LawName, string LawCitation,
    string RequestText, DateOnly? SentOn, DateOnly? ReceivedOn, SubmissionMethod? Method, string? AgencyTrackingNumber,
    RequestStatus Status, RequestOutcome? Outcome, RequestVisibility Visibility, string? InternalNotes,
    IReadOnlyList<RequestEventRow> Events, IReadOnlyList<DeadlineRow> Deadlines, IReadOnlyList<string> Vendors,
    IReadOnlyList<LinkedContract> Contracts, IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Attorneys,
    Guid? CampaignId = null,
    string? CampaignTitle = null);

/// <summary>A contract a request is about, as its page links to it.</summary>
public sealed record LinkedContract(Guid Id, string Title, string VendorName);

/// <summary>A document released on a request, as its page lists it (the visibility filter keeps unpublished ones from visitors).</summary>

/// <summary>One timeline entry of a request.</summary>
public sealed record RequestEventRow(Guid Id, RequestEventKind Kind, DateOnly OccurredOn, string Summary, string? ExemptionsCited, DateOnly? AgencyPromisedOn);

/// <summary>One deadline of a request, with its explanation and anything the attorney should check.</summary>
public sealed record DeadlineRow(
    Guid Id, DeadlineKind Kind, DateOnly DueOn, DeadlineStatus Status, string Explanation, string? Warning, DateOnly? ClosedOn, Guid? SourceEventId)
{
    /// <summary>Still to be answered: open, or missed with no response yet.</summary>
    public bool IsOutstanding => Status == DeadlineStatus.Open || (Status == DeadlineStatus.Missed && ClosedOn is null);
}

/// <summary>Reads requests through the context's visibility filter.</summary>
public static class RequestQueries
{
    public static Task<Page<RequestRow>> ListAsync(PraTrackerDbContext db, RequestFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var requests = Filtered(db, filter);

        // Sorted before the projection: EF translates ordering on entity members, not on a record's constructor.
        var sorted = page.SortBy switch
        {
            nameof(RequestRow.Title) => requests.OrderBy(r => r.Title, page.Descending),
            nameof(RequestRow.AgencyName) => requests.OrderBy(r => r.Agency.Name, page.Descending),
            nameof(RequestRow.Status) => requests.OrderBy(r => r.Status, page.Descending),
            nameof(RequestRow.SentOn) => requests.OrderBy(r => r.SentOn, page.Descending),
            nameof(RequestRow.NextDueOn) => requests.OrderBy(r => r.Deadlines.Where(d => d.Status == DeadlineStatus.Open || (d.Status == DeadlineStatus.Missed && d.ClosedOn == null)).Min(d => (DateOnly?)d.DueOn), page.Descending),
            _ => requests.OrderBy(r => r.Reference, page.Descending),
        };
        return sorted.ThenBy(r => r.Id)
            .Select(r => new RequestRow(
                r.Id, r.Reference, r.Title, r.Agency.Name, r.Agency.State, r.Status, r.Outcome, r.Visibility, r.SentOn,
                r.Deadlines.Where(d => d.Status == DeadlineStatus.Open || (d.Status == DeadlineStatus.Missed && d.ClosedOn == null)).Min(d => (DateOnly?)d.DueOn)))
            .ToPageAsync(page, ct);
    }

    /// <summary>The requests the viewer may see that match the filter, unsorted: the list's rows, and its exports'.</summary>
    internal static IQueryable<RecordsRequest> Filtered(PraTrackerDbContext db, RequestFilter filter)
    {
        var requests = db.Requests.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            requests = WhereTitleOrReferenceContains(db, requests, filter.Text.Trim());
        }

        if (filter.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (filter.CampaignId is { } campaignId)
        {
            requests = requests.Where(r => r.CampaignId == campaignId);
        }

        if (filter.AgencyId is { } agencyId)
        {
            requests = requests.Where(r => r.AgencyId == agencyId);
        }

        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            requests = requests.Where(r => r.Agency.State == filter.State);
        }

        if (filter.VendorId is { } vendorId)
        {
            var aboutVendor = AboutVendor(db, vendorId);
            requests = requests.Where(r => aboutVendor.Contains(r.Id));
        }

        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
        {
            requests = requests.Where(r => r.CategoryLinks.Any(l => l.TechnologyCategory.Code == filter.CategoryCode));
        }

        if (!string.IsNullOrWhiteSpace(filter.AssignedUserId))
        {
            requests = requests.Where(r => r.Assignments.Any(a => a.UserId == filter.AssignedUserId));
        }

        if (filter.OverdueOnly)
        {
            // Overdue: a deadline missed with no response yet, or one still open past its date before the daily sweep.
            var today = filter.Today ?? throw new ArgumentException("Filtering overdue requests needs today's date.", nameof(filter));
            requests = requests.Where(r => r.Deadlines.Any(d =>
                (d.Status == DeadlineStatus.Missed && d.ClosedOn == null) || (d.Status == DeadlineStatus.Open && d.DueOn < today)));
        }

        return requests;
    }

    /// <summary>
    /// The ids of requests about a vendor, named on the request or through a contract: one set from both links, not two
    /// EXISTS joined by OR, which PostgreSQL can only run as two subplans over every request (240 ms at 100,000
    /// requests in the benchmark).
    /// </summary>
    internal static IQueryable<Guid> AboutVendor(PraTrackerDbContext db, Guid vendorId) =>
        db.RequestVendors.Where(l => l.VendorId == vendorId).Select(l => l.RequestId)
            .Concat(db.RequestContracts.Where(l => l.Contract.VendorId == vendorId).Select(l => l.RequestId));

    // PostgreSQL matches with ILIKE, which its trigram indexes serve; SQLite's LIKE is already case-blind for ASCII.
    private static IQueryable<RecordsRequest> WhereTitleOrReferenceContains(PraTrackerDbContext db, IQueryable<RecordsRequest> requests, string text)
    {
        if (db.Database.IsNpgsql())
        {
            var pattern = $"%{text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            return requests.Where(r => EF.Functions.ILike(r.Title, pattern, "\\") || EF.Functions.ILike(r.Reference, pattern, "\\"));
        }

        var lower = text.ToLower();
        return requests.Where(r => r.Title.ToLower().Contains(lower) || r.Reference.ToLower().Contains(lower));
    }

    public static async Task<RequestDetail?> GetAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default)
    {
        var seesPrivate = db.Viewer.SeesPrivate;
        // Split: the timeline, the deadlines and the vendors are three collections of one request.
        var detail = await db.Requests.AsNoTracking()
            .AsSplitQuery()
            .Where(r => r.Id == id)
            .Select(r => new RequestDetail(
                r.Id, r.Reference, r.Title, r.AgencyId, r.Agency.Name, r.Law.Code, r.Law.Name, r.Law.Citation, r.RequestText, r.SentOn, r.ReceivedOn,
                r.Method, r.AgencyTrackingNumber, r.Status, r.Outcome, r.Visibility,
                seesPrivate ? r.InternalNotes : null,
                r.Events.OrderBy(e => e.OccurredOn).ThenBy(e => e.LoggedAt)
                    .Select(e => new RequestEventRow(e.Id, e.Kind, e.OccurredOn, e.Summary, e.ExemptionsCited, e.AgencyPromisedOn)).ToList(),
                r.Deadlines.OrderBy(d => d.DueOn).ThenBy(d => d.Id)
                    .Select(d => new DeadlineRow(d.Id, d.Kind, d.DueOn, d.Status, d.Explanation, d.Warning, d.ClosedOn, d.SourceEventId)).ToList(),
                r.VendorLinks.Select(l => l.Vendor.Name).OrderBy(n => n).ToList(),
                r.ContractLinks.OrderBy(l => l.Contract.Title).Select(l => new LinkedContract(l.ContractId, l.Contract.Title, l.Contract.Vendor.Name)).ToList(),
                r.CategoryLinks.OrderBy(l => l.TechnologyCategory.SortOrder).Select(l => l.TechnologyCategory.Name).ToList(),
                seesPrivate ? r.Assignments.Select(a => a.User.DisplayName != "" ? a.User.DisplayName : a.User.Email!).ToList() : new List<string>(),
                // Through the campaign's own filter: a public request in a private campaign names no campaign to a visitor.
                r.Campaign != null ? r.Campaign.Id : null,
                r.Campaign != null ? r.Campaign.Title : null))
            .SingleOrDefaultAsync(ct);
        return detail;
    }
}
