using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Web.Security;

namespace PraTracker.Web.Endpoints;

/// <summary>
/// /mail/{id}/message.eml downloads an e-mail exactly as it was sent or received. Staff only: correspondence is
/// never public, whatever its request's visibility, so anyone else gets the sign-in page or a bare 403.
/// </summary>
public static class MailFileEndpoints
{
    public static IEndpointRouteBuilder MapMailFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/mail/{id:guid}/message.eml", async (Guid id, HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, IDocumentFileStore store, CancellationToken ct) =>
        {
            // The policy has let only staff this far; the viewer's filter would hide the message from anyone else all the same.
            await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(ViewerContextFactory.ViewerOf(http.User));
            if (await CorrespondenceQueries.RawOfAsync(db, id, ct) is not { } raw)
            {
                http.SkipStatusCodePage();
                return Results.NotFound();
            }

            Stream content;
            try
            {
                content = await store.OpenReadAsync(raw.Sha256, ct);
            }
            catch (FileNotFoundException)
            {
                http.SkipStatusCodePage();
                return Results.NotFound();
            }

            var name = DocumentUploads.CleanFileName($"{raw.ProcessedAt:yyyy-MM-dd} {raw.Subject?.Replace(':', ' ')}".Trim()) ?? "message";
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName($"{(name.Length > 100 ? name[..100] : name)}.eml");
            http.Response.Headers.ContentDisposition = disposition.ToString();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";
            http.Response.Headers.CacheControl = "private, no-store";
            return TypedResults.Stream(content, "message/rfc822");
        }).RequireAuthorization(Policies.Staff);
        return endpoints;
    }
}
