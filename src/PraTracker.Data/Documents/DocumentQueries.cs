using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents;

/// <summary>A row of the documents list.</summary>
public sealed record DocumentRow(
    Guid Id, string Title, string FileName, Guid RequestId, string RequestReference, string AgencyName,
    long SizeBytes, int? PageCount, PublicationStatus PublicationStatus, DateTimeOffset? PublishedAt, DateTimeOffset UploadedAt);

/// <summary>Reads documents through the context's visibility filter (published, past embargo, on a public request).</summary>
public static class DocumentQueries
{
    public static Task<Page<DocumentRow>> ListAsync(PraTrackerDbContext db, string? text, PageRequest page, CancellationToken ct = default) =>
        PageOf(Filtered(db, text), page, ct);

    /// <summary>The documents released on a campaign's requests that the viewer may see.</summary>
    public static Task<Page<DocumentRow>> OfCampaignAsync(PraTrackerDbContext db, Guid campaignId, PageRequest page, CancellationToken ct = default) =>
        PageOf(db.Documents.AsNoTracking().Where(d => d.Request.CampaignId == campaignId), page, ct);

    private static Task<Page<DocumentRow>> PageOf(IQueryable<Document> documents, PageRequest page, CancellationToken ct)
    {
        var sorted = page.SortBy switch
        {
            nameof(DocumentRow.Title) => documents.OrderBy(d => d.Title, page.Descending),
            nameof(DocumentRow.AgencyName) => documents.OrderBy(d => d.Request.Agency.Name, page.Descending),
            nameof(DocumentRow.PublishedAt) => documents.OrderBy(d => d.PublishedAt, page.Descending),
            nameof(DocumentRow.UploadedAt) => documents.OrderBy(d => d.UploadedAt, page.Descending),
            _ => documents.OrderByDescending(d => d.UploadedAt),
        };
        return sorted.ThenBy(d => d.Id)
            .Select(d => new DocumentRow(
                d.Id, d.Title, d.FileName, d.RequestId, d.Request.Reference, d.Request.Agency.Name,
                d.SizeBytes, d.PageCount, d.PublicationStatus, d.PublishedAt, d.UploadedAt))
            .ToPageAsync(page, ct);
    }

    /// <summary>The documents the viewer may see whose title or file name holds the text: the list's rows, and its export's.</summary>
    internal static IQueryable<Document> Filtered(PraTrackerDbContext db, string? text)
    {
        var documents = db.Documents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var lowered = text.Trim().ToLower();
            documents = documents.Where(d => d.Title.ToLower().Contains(lowered) || d.FileName.ToLower().Contains(lowered));
        }

        return documents;
    }
}

/// <summary>Everything the document page shows; the text only when it was read.</summary>
public sealed record DocumentDetail(
    Guid Id, string Title, string? Description, string FileName, string ContentType, long SizeBytes, string Sha256, int? PageCount,
    string? ExtractedText, TextStatus TextStatus, string? TextError,
    PublicationStatus PublicationStatus, DateTimeOffset? EmbargoUntil, DateTimeOffset? PublishedAt, DateOnly ReleasedOn, DateTimeOffset UploadedAt,
    Guid RequestId, string RequestReference, string RequestTitle, Guid AgencyId, string AgencyName, string? EventSummary,
    Guid? ParentId, IReadOnlyList<DocumentLink> Children,
    OcrStatus OcrStatus, int OcrPagesDone, int OcrPagesTotal, string? OcrError, long? SearchableSizeBytes, IReadOnlyList<int> OcrPages)
{
    /// <summary>OCR made a searchable PDF of the scan, served beside the original.</summary>
    public bool HasSearchablePdf => SearchableSizeBytes is not null;

    /// <summary>Scanned pages are being read, so the page should look again shortly.</summary>
    public bool IsReading => TextStatus is TextStatus.Pending or TextStatus.Extracting || OcrStatus is OcrStatus.Pending or OcrStatus.Running;

    public bool IsPdf => ContentType == "application/pdf";

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>The text page by page (PDF pages are separated by form feeds); one page for anything else.</summary>
    public IReadOnlyList<string> TextPages => ExtractedText is null ? [] : ExtractedText.Split('\f');
}

/// <summary>A document named on another page: a request's, an archive's children, a list of the latest.</summary>
public sealed record DocumentLink(
    Guid Id, string Title, string FileName, int? PageCount, DateOnly ReleasedOn, PublicationStatus PublicationStatus, TextStatus TextStatus, string? TextError);

/// <summary>An agency, vendor or technology category, with how many documents it has that the viewer may see.</summary>
public sealed record BrowseEntry(string Key, string Name, int Count);

/// <summary>What the library's home page lists: the newest documents and where the documents come from.</summary>
public sealed record LibraryOverview(
    IReadOnlyList<DocumentHit> Latest, IReadOnlyList<BrowseEntry> Agencies, IReadOnlyList<BrowseEntry> Vendors, IReadOnlyList<BrowseEntry> Categories);

/// <summary>The library's reads beyond search: one document, a request's documents, and the browse lists.</summary>
public static class LibraryQueries
{
    public static async Task<LibraryOverview> OverviewAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        var latest = await DocumentSearch.SearchAsync(db, null, new DocumentSearchFilters(), new PageRequest(0, 10), DocumentSort.Newest, ct);
        var agencies = await AgenciesAsync(db, 12, ct);
        var vendors = await VendorsAsync(db, 12, ct);
        var categories = await CategoriesAsync(db, ct);
        return new LibraryOverview(latest.Items, agencies, vendors, [.. categories.Where(c => c.Count > 0)]);
    }

    public static Task<DocumentDetail?> GetAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default) =>
        db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new DocumentDetail(
            d.Id, d.Title, d.Description, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.PageCount,
            d.ExtractedText, d.TextStatus, d.TextError,
            d.PublicationStatus, d.EmbargoUntil, d.PublishedAt, d.ReleasedOn, d.UploadedAt,
            d.RequestId, d.Request.Reference, d.Request.Title, d.Request.AgencyId, d.Request.Agency.Name,
            d.RequestEvent == null ? null : d.RequestEvent.Summary,
            d.ParentDocumentId,
            db.Documents.Where(c => c.ParentDocumentId == d.Id).OrderBy(c => c.FileName).Select(Link).ToList(),
            d.OcrStatus, d.OcrPagesDone, d.OcrPagesTotal, d.OcrError, d.SearchableSha256 == null ? null : d.SearchableSizeBytes,
            db.DocumentPages.Where(p => p.DocumentId == d.Id && p.FromOcr).OrderBy(p => p.Number).Select(p => p.Number).ToList()))
        .SingleOrDefaultAsync(ct);

    /// <summary>The documents of one request the viewer may see, the files uploaded directly first, in release order.</summary>
    public static Task<List<DocumentLink>> ForRequestAsync(PraTrackerDbContext db, Guid requestId, CancellationToken ct = default) =>
        db.Documents.AsNoTracking().Where(d => d.RequestId == requestId && d.ParentDocumentId == null)
            .OrderByDescending(d => d.ReleasedOn).ThenBy(d => d.FileName).Select(Link).ToListAsync(ct);

    public static Task<List<BrowseEntry>> AgenciesAsync(PraTrackerDbContext db, int take, CancellationToken ct = default) =>
        db.Documents.AsNoTracking()
            .GroupBy(d => new { d.Request.AgencyId, d.Request.Agency.Name })
            .Select(g => new { g.Key.AgencyId, g.Key.Name, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name)
            .Take(take)
            .Select(g => new BrowseEntry(g.AgencyId.ToString(), g.Name, g.Count))
            .ToListAsync(ct);

    // Counted in one grouped join over the documents, not one count per vendor or category: per vendor, each count
    // read every document (150 vendors × 50,000 documents kept the home page from answering in the benchmark).
    public static Task<List<BrowseEntry>> VendorsAsync(PraTrackerDbContext db, int take, CancellationToken ct = default)
    {
        // A request is about a vendor when it names it or one of its contracts; Union counts each pair once.
        var requestVendors = db.RequestVendors.Select(l => new { l.RequestId, l.VendorId })
            .Union(db.RequestContracts.Select(l => new { l.RequestId, l.Contract.VendorId }));
        var counts = from d in db.Documents
                     join rv in requestVendors on d.RequestId equals rv.RequestId
                     group d by rv.VendorId into g
                     select new { VendorId = g.Key, Count = g.Count() };
        return (from c in counts
                join v in db.Vendors on c.VendorId equals v.Id
                orderby c.Count descending, v.Name
                select new BrowseEntry(v.Id.ToString(), v.Name, c.Count))
            .Take(take)
            .ToListAsync(ct);
    }

    public static async Task<List<BrowseEntry>> CategoriesAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        var counts = await (from d in db.Documents
                            join l in db.RequestTechnologyCategories on d.RequestId equals l.RequestId
                            group d by l.TechnologyCategoryId into g
                            select new { CategoryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.CategoryId, c => c.Count, ct);
        var categories = await db.TechnologyCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct);
        return [.. categories.Select(c => new BrowseEntry(c.Code, c.Name, counts.GetValueOrDefault(c.Id)))];
    }

    private static readonly System.Linq.Expressions.Expression<Func<Document, DocumentLink>> Link = d =>
        new DocumentLink(d.Id, d.Title, d.FileName, d.PageCount, d.ReleasedOn, d.PublicationStatus, d.TextStatus, d.TextError);
}
