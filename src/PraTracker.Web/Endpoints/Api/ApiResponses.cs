using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Requests;

namespace PraTracker.Web.Endpoints.Api;

// The public API's answers: its contract with the tools that read it, kept apart from the pages' records so a change
// to a page does not change the API. Each is built from what the public page of the same thing shows, and no more.

/// <summary>One page of a list: the items, the 1-based page number, its size, and how many items and pages there are in all.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, int TotalPages)
{
    public static ApiPage<T> From<TRow>(Data.Database.Page<TRow> rows, ApiPaging paging, Func<TRow, T> map) =>
        new([.. rows.Items.Select(map)], paging.Page, paging.PageSize, rows.TotalCount, (rows.TotalCount + paging.PageSize - 1) / paging.PageSize);
}

/// <summary>An agency in a list, with how many public requests it has received.</summary>
public sealed record ApiAgencySummary(Guid Id, string Name, AgencyKind Kind, string? City, string State, string? LawCode, int RequestCount)
{
    public static ApiAgencySummary From(AgencyRow a) => new(a.Id, a.Name, a.Kind, a.City, a.State, a.LawCode, a.RequestCount);
}

/// <summary>An agency: how to reach its records office, its contracts, its public requests and its scorecard over them.</summary>
public sealed record ApiAgency(
    Guid Id, string Name, AgencyKind Kind, string? City, string? County, string State, string? RecordsEmail, string? PortalUrl, string? MailingAddress,
    string? LawName, string? LawCitation, IReadOnlyList<ApiAgencyContract> Contracts, IReadOnlyList<ApiAgencyRequest> Requests, ApiScorecard Scorecard)
{
    public static ApiAgency From(AgencyDetail a) => new(
        a.Id, a.Name, a.Kind, a.City, a.County, a.State, a.RecordsEmail, a.PortalUrl, a.MailingAddress, a.LawName, a.LawCitation,
        [.. a.Contracts.Select(c => new ApiAgencyContract(c.Id, c.Title, c.VendorName, c.Status, c.Amount, c.Currency))],
        [.. a.Requests.Select(r => new ApiAgencyRequest(r.Id, r.Reference, r.Title, r.Status, r.SentOn))],
        ApiScorecard.From(a.Scorecard));
}

/// <summary>A contract of an agency.</summary>
public sealed record ApiAgencyContract(Guid Id, string Title, string VendorName, ContractStatus Status, decimal? Amount, string Currency);

/// <summary>A public request sent to an agency.</summary>
public sealed record ApiAgencyRequest(Guid Id, string Reference, string Title, RequestStatus Status, DateOnly? SentOn);

/// <summary>
/// How an agency has answered its public requests that were sent: calendar days from receipt to its first response and
/// to the determination that ended the request (less days waiting on the requester), as counts, medians and 90th
/// percentiles (PERCENTILE.INC); its response deadlines met and missed; how the requests ended; the exemptions it cites most.
/// </summary>
public sealed record ApiScorecard(
    int Requests, ApiDays FirstResponse, ApiDays Completion, int DeadlinesMet, int DeadlinesMissed, double? OnTimeShare,
    double? DeniedShare, double? PartialShare, OutcomeCounts Outcomes, IReadOnlyList<ExemptionCount> TopExemptions)
{
    public static ApiScorecard From(AgencyScorecard s) => new(
        s.Requests, ApiDays.From(s.FirstResponse), ApiDays.From(s.Completion), s.DeadlinesMet, s.DeadlinesMissed, s.OnTimeShare,
        s.DeniedShare, s.PartialShare, s.Outcomes, s.TopExemptions);
}

/// <summary>Days measured over some requests: how many, the median and the 90th percentile (null with none).</summary>
public sealed record ApiDays(int Count, double? Median, double? Percentile90)
{
    public static ApiDays From(DayStatistic d) => new(d.Count, d.Median, d.Percentile90);
}

/// <summary>A vendor in a list, with its products and how many contracts and public requests name it.</summary>
public sealed record ApiVendorSummary(Guid Id, string Name, string? Website, IReadOnlyList<string> Products, int ContractCount, int RequestCount)
{
    public static ApiVendorSummary From(VendorRow v) => new(v.Id, v.Name, v.Website, v.Products, v.ContractCount, v.RequestCount);
}

/// <summary>A vendor: its products (with their technology), the agencies that contract with it, and the public requests about it.</summary>
public sealed record ApiVendor(
    Guid Id, string Name, string? Website, string? Description, IReadOnlyList<string> Products,
    IReadOnlyList<ApiVendorCustomer> Customers, IReadOnlyList<ApiRelatedRequest> Requests)
{
    public static ApiVendor From(VendorDetail v) => new(
        v.Id, v.Name, v.Website, v.Description, v.Products,
        [.. v.Customers.Select(c => new ApiVendorCustomer(c.AgencyId, c.AgencyName, c.State, c.ContractId, c.ContractTitle, c.Status))],
        [.. v.Requests.Select(ApiRelatedRequest.From)]);
}

/// <summary>An agency contracting with a vendor, and the contract.</summary>
public sealed record ApiVendorCustomer(Guid AgencyId, string AgencyName, string State, Guid ContractId, string ContractTitle, ContractStatus Status);

/// <summary>A public request about a vendor or a contract.</summary>
public sealed record ApiRelatedRequest(Guid Id, string Reference, string Title, string AgencyName, RequestStatus Status)
{
    public static ApiRelatedRequest From(RelatedRequest r) => new(r.Id, r.Reference, r.Title, r.AgencyName, r.Status);
}

/// <summary>A contract in a list.</summary>
public sealed record ApiContractSummary(
    Guid Id, string Title, string AgencyName, string VendorName, ContractStatus Status, ProcurementMethod ProcurementMethod,
    decimal? Amount, string Currency, DateOnly? StartsOn, DateOnly? EndsOn)
{
    public static ApiContractSummary From(ContractRow c) =>
        new(c.Id, c.Title, c.AgencyName, c.VendorName, c.Status, c.ProcurementMethod, c.Amount, c.Currency, c.StartsOn, c.EndsOn);
}

/// <summary>A contract: its terms, and the public requests and published documents about it.</summary>
public sealed record ApiContract(
    Guid Id, string Title, Guid AgencyId, string AgencyName, Guid VendorId, string VendorName, IReadOnlyList<string> Products, string? Number,
    ContractStatus Status, ProcurementMethod ProcurementMethod, decimal? Amount, string Currency, DateOnly? StartsOn, DateOnly? EndsOn,
    DateOnly? RenewsOn, string? ApprovingBody, DateOnly? ApprovedOn, string? SourceUrl, string? Notes,
    IReadOnlyList<ApiRelatedRequest> Requests, IReadOnlyList<ApiContractDocument> Documents)
{
    public static ApiContract From(ContractDetail c) => new(
        c.Id, c.Title, c.AgencyId, c.AgencyName, c.VendorId, c.VendorName, c.Products, c.Number, c.Status, c.ProcurementMethod, c.Amount, c.Currency,
        c.StartsOn, c.EndsOn, c.RenewsOn, c.ApprovingBody, c.ApprovedOn, c.SourceUrl, c.Notes,
        [.. c.Requests.Select(ApiRelatedRequest.From)],
        [.. c.Documents.Select(d => new ApiContractDocument(d.Id, d.Title, d.FileName, d.RequestId, d.RequestReference))]);
}

/// <summary>A published document released on a request about a contract.</summary>
public sealed record ApiContractDocument(Guid Id, string Title, string FileName, Guid RequestId, string RequestReference);

/// <summary>A public request in a list; nextDueOn is its earliest deadline still to be answered.</summary>
public sealed record ApiRequestSummary(
    Guid Id, string Reference, string Title, string AgencyName, string AgencyState, RequestStatus Status, RequestOutcome? Outcome,
    DateOnly? SentOn, DateOnly? NextDueOn)
{
    public static ApiRequestSummary From(RequestRow r) =>
        new(r.Id, r.Reference, r.Title, r.AgencyName, r.AgencyState, r.Status, r.Outcome, r.SentOn, r.NextDueOn);
}

/// <summary>
/// A public request as its public page shows it: the law, when it was sent and received, what it is about, its timeline,
/// its deadlines with how each was counted, and its published documents.
/// </summary>
public sealed record ApiRequest(
    Guid Id, string Reference, string Title, Guid AgencyId, string AgencyName, string LawCode, string LawName, string LawCitation,
    DateOnly? SentOn, DateOnly? ReceivedOn, SubmissionMethod? Method, string? AgencyTrackingNumber, RequestStatus Status, RequestOutcome? Outcome,
    IReadOnlyList<string> Technologies, IReadOnlyList<string> Vendors, IReadOnlyList<ApiLinkedContract> Contracts,
    IReadOnlyList<ApiTimelineEvent> Timeline, IReadOnlyList<ApiDeadline> Deadlines, IReadOnlyList<ApiRequestDocument> Documents)
{
    // Built field by field from what the public page shows: never the request letter, attorneys' notes or who works on it.
    public static ApiRequest From(RequestDetail r, IReadOnlyList<DocumentLink> documents, Func<Guid, string> documentUrl) => new(
        r.Id, r.Reference, r.Title, r.AgencyId, r.AgencyName, r.LawCode, r.LawName, r.LawCitation,
        r.SentOn, r.ReceivedOn, r.Method, r.AgencyTrackingNumber, r.Status, r.Outcome,
        r.Technologies, r.Vendors, [.. r.Contracts.Select(c => new ApiLinkedContract(c.Id, c.Title, c.VendorName))],
        [.. r.Events.Select(e => new ApiTimelineEvent(e.Kind, e.OccurredOn, e.Summary, e.ExemptionsCited, e.AgencyPromisedOn))],
        [.. r.Deadlines.Select(d => new ApiDeadline(d.Kind, d.DueOn, d.Status, d.Explanation, d.Warning, d.ClosedOn))],
        [.. documents.Select(d => new ApiRequestDocument(d.Id, d.Title, d.FileName, d.PageCount, d.ReleasedOn, documentUrl(d.Id)))]);
}

/// <summary>A contract a request is about.</summary>
public sealed record ApiLinkedContract(Guid Id, string Title, string VendorName);

/// <summary>One entry of a request's timeline: what happened and when, the exemptions the agency cited and any date it promised.</summary>
public sealed record ApiTimelineEvent(RequestEventKind Kind, DateOnly Date, string Summary, string? ExemptionsCited, DateOnly? AgencyPromisedOn);

/// <summary>A deadline of a request, with how it was counted; closedOn is when it was met, missed or replaced.</summary>
public sealed record ApiDeadline(DeadlineKind Kind, DateOnly DueOn, DeadlineStatus Status, string Explanation, string? Warning, DateOnly? ClosedOn);

/// <summary>A published document of a request, with the address of its API entry.</summary>
public sealed record ApiRequestDocument(Guid Id, string Title, string FileName, int? PageCount, DateOnly ReleasedOn, string Url);

/// <summary>A run of a search snippet; hit is true for the words the search matched.</summary>
public sealed record ApiSnippetPart(string Text, bool Hit);

/// <summary>
/// A published document in a list or a search result; snippet is the matching passage when searching, cut from the
/// first of hitPages, the pages the search matched on (the first 50; none when only the title or description matched).
/// </summary>
public sealed record ApiDocumentSummary(
    Guid Id, string Title, string? Description, string FileName, Guid RequestId, string RequestReference, string RequestTitle,
    Guid AgencyId, string AgencyName, int? PageCount, DateOnly ReleasedOn, DateTimeOffset? PublishedAt, IReadOnlyList<ApiSnippetPart> Snippet,
    IReadOnlyList<int> HitPages)
{
    public static ApiDocumentSummary From(DocumentHit d) => new(
        d.Id, d.Title, d.Description, d.FileName, d.RequestId, d.RequestReference, d.RequestTitle, d.AgencyId, d.AgencyName,
        d.PageCount, d.ReleasedOn, d.PublishedAt, [.. d.Snippet.Select(s => new ApiSnippetPart(s.Text, s.IsHit))], d.HitPages);
}

/// <summary>
/// A published document: what it is, where it came from, and the addresses of its file and of its extracted text (null
/// until the text has been read).
/// </summary>
public sealed record ApiDocument(
    Guid Id, string Title, string? Description, string FileName, string ContentType, long SizeBytes, int? PageCount, TextStatus TextStatus,
    DateOnly ReleasedOn, DateTimeOffset? PublishedAt, Guid RequestId, string RequestReference, string RequestTitle, Guid AgencyId, string AgencyName,
    Guid? ParentId, IReadOnlyList<ApiDocumentChild> Children, string FileUrl, string? TextUrl)
{
    public static ApiDocument From(DocumentDetail d, string baseUrl) => new(
        d.Id, d.Title, d.Description, d.FileName, d.ContentType, d.SizeBytes, d.PageCount, d.TextStatus, d.ReleasedOn, d.PublishedAt,
        d.RequestId, d.RequestReference, d.RequestTitle, d.AgencyId, d.AgencyName, d.ParentId,
        [.. d.Children.Select(c => new ApiDocumentChild(c.Id, c.Title, c.FileName))],
        $"{baseUrl}/documents/{d.Id}/file",
        d.ExtractedText is null ? null : $"{baseUrl}/api/v1/documents/{d.Id}/text");
}

/// <summary>A file unpacked from an archive document.</summary>
public sealed record ApiDocumentChild(Guid Id, string Title, string FileName);
