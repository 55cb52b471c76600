using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Web.Security;

namespace PraTracker.Web.Endpoints;

/// <summary>
/// The only way to a stored file: /documents/{id}/file downloads it, /documents/{id}/view shows a PDF or an image in
/// the page; /documents/{id}/searchable and /documents/{id}/searchable/view do the same for the searchable PDF that OCR
/// made of a scan, kept beside the original. All read the document through the viewer's visibility filter, so a private, in-review or embargoed
/// document, or one on a private request, is a bare 404 to anyone but staff, and files are never served by their hash.
/// </summary>
public static class DocumentFileEndpoints
{
    public static IEndpointRouteBuilder MapDocumentFiles(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous by design: who may see the document is decided by the visibility filter below.
        endpoints.MapGet("/documents/{id:guid}/file", (Guid id, HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, IDocumentFileStore store, CancellationToken ct) =>
            ServeAsync(id, inline: false, searchable: false, http, dbFactory, store, ct)).AllowAnonymous();
        endpoints.MapGet("/documents/{id:guid}/view", (Guid id, HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, IDocumentFileStore store, CancellationToken ct) =>
            ServeAsync(id, inline: true, searchable: false, http, dbFactory, store, ct)).AllowAnonymous();
        endpoints.MapGet("/documents/{id:guid}/searchable", (Guid id, HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, IDocumentFileStore store, CancellationToken ct) =>
            ServeAsync(id, inline: false, searchable: true, http, dbFactory, store, ct)).AllowAnonymous();
        endpoints.MapGet("/documents/{id:guid}/searchable/view", (Guid id, HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, IDocumentFileStore store, CancellationToken ct) =>
            ServeAsync(id, inline: true, searchable: true, http, dbFactory, store, ct)).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(
        Guid id, bool inline, bool searchable, HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, IDocumentFileStore store, CancellationToken ct)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(ViewerContextFactory.ViewerOf(http.User));
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new
            {
                Sha256 = searchable ? d.SearchableSha256 : d.Sha256,
                d.FileName,
                ContentType = searchable ? "application/pdf" : d.ContentType,
                Public = d.PublicationStatus == PublicationStatus.Published,
            })
            .SingleOrDefaultAsync(ct);
        if (document?.Sha256 is null)
        {
            return NotFound(http);
        }

        Stream content;
        try
        {
            // Seekable with its length, so the result answers range requests (a PDF viewer asks for parts of a large file).
            content = await store.OpenReadAsync(document.Sha256, ct);
        }
        catch (FileNotFoundException)
        {
            return NotFound(http);
        }

        // Only PDFs and images are shown in the page; anything else is always a download, with the type it was stored as.
        var showable = document.ContentType == "application/pdf" || document.ContentType.StartsWith("image/", StringComparison.Ordinal);
        var shown = inline && showable;
        var disposition = new ContentDispositionHeaderValue(shown ? "inline" : "attachment");
        disposition.SetHttpFileName(searchable ? SearchableFileName(document.FileName) : document.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // Should a browser render a download anyway, it runs nothing and reaches nothing; a shown PDF or image may only
        // sit in the app's own document page.
        http.Response.Headers.ContentSecurityPolicy = shown ? SecurityHeaders.FramedByTheApp : "sandbox; default-src 'none'; frame-ancestors 'none'";

        http.Response.Headers.CacheControl = document.Public ? "public, max-age=300" : "private, no-store";
        return TypedResults.Stream(content, document.ContentType, enableRangeProcessing: true);
    }

    /// <summary>"production.pdf" becomes "production (searchable).pdf".</summary>
    public static string SearchableFileName(string fileName) =>
        $"{Path.GetFileNameWithoutExtension(fileName)} (searchable).pdf";

    private static IResult NotFound(HttpContext http)
    {
        http.SkipStatusCodePage();
        return TypedResults.NotFound();
    }
}
