using System.ServiceModel.Syndication;
using System.Xml;
using PraTracker.Data.Documents;
using PraTracker.Web.Features.Documents;

namespace PraTracker.Web.Endpoints;

/// <summary>
/// Atom feeds of newly published documents at /feeds/documents.atom, for the whole library or narrowed with
/// ?agency={id}, ?vendor={id} or ?category={code}. Read as an anonymous visitor whoever asks: feed readers share
/// and cache what they fetch, so a feed never holds anything private, even for a signed-in attorney.
/// </summary>
public static class DocumentFeedEndpoints
{
    public const string Path = "/feeds/documents.atom";
    private const int Entries = 50;

    public static IEndpointRouteBuilder MapDocumentFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ServeAsync).AllowAnonymous();
        return endpoints;
    }

    /// <summary>The feed address for the given narrowing, as the pages advertise it.</summary>
    public static string For(Guid? agencyId = null, Guid? vendorId = null, string? categoryCode = null) =>
        agencyId is { } agency ? $"{Path}?agency={agency}"
        : vendorId is { } vendor ? $"{Path}?vendor={vendor}"
        : categoryCode is { Length: > 0 } category ? $"{Path}?category={Uri.EscapeDataString(category)}"
        : Path;

    private static async Task<IResult> ServeAsync(Guid? agency, Guid? vendor, string? category, HttpContext http, PublicLibrary library, CancellationToken ct)
    {
        var filters = new DocumentSearchFilters(AgencyId: agency, VendorId: vendor, CategoryCode: category);
        var (title, entries) = await library.FeedAsync(filters, Entries, ct);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        var feed = new SyndicationFeed(
            $"PraTracker: {title}",
            "Documents released under public-records laws about police surveillance technology, newest first.",
            new Uri(baseUrl + "/search" + http.Request.QueryString),
            baseUrl + http.Request.Path + http.Request.QueryString,
            entries.FirstOrDefault()?.PublishedAt ?? DateTimeOffset.UnixEpoch,
            entries.Select(e => Item(e, baseUrl)));
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(baseUrl + http.Request.Path + http.Request.QueryString), "application/atom+xml"));

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    // Read as an anonymous visitor, every entry is published, so it has the instant it became public.
    private static SyndicationItem Item(DocumentHit entry, string baseUrl)
    {
        var link = new Uri($"{baseUrl}/documents/{entry.Id}");
        var summary = $"{entry.AgencyName}, request {entry.RequestReference}, released {entry.ReleasedOn:yyyy-MM-dd}."
            + (entry.Description is { Length: > 0 } description ? $" {description}" : "");
        var published = entry.PublishedAt ?? DateTimeOffset.UnixEpoch;
        return new SyndicationItem(entry.Title, summary, link, $"urn:uuid:{entry.Id}", published) { PublishDate = published };
    }
}
