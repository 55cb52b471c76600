using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents;

/// <summary>
/// The publication workflow: a document is private until an attorney marks it for review, then publishes it
/// (optionally under an embargo); it can be taken back at any time. Each step is a tracked change, so the audit
/// trail records who took it and when.
/// </summary>
public static class DocumentPublication
{
    public static Task<string?> MarkForReviewAsync(PraTrackerDbContext db, Guid documentId, CancellationToken ct = default) =>
        ChangeAsync(db, documentId, document =>
        {
            if (document.PublicationStatus != PublicationStatus.Private)
            {
                return "Only a private document can be marked for review.";
            }

            document.PublicationStatus = PublicationStatus.InReview;
            return null;
        }, ct);

    /// <summary>Publishes a reviewed document; with an embargo it stays hidden from the public until that instant.</summary>
    public static Task<string?> PublishAsync(PraTrackerDbContext db, Guid documentId, DateTimeOffset now, DateTimeOffset? embargoUntil = null, CancellationToken ct = default) =>
        ChangeAsync(db, documentId, document =>
        {
            if (document.PublicationStatus != PublicationStatus.InReview)
            {
                return "A document is reviewed before it is published: mark it for review first.";
            }

            if (embargoUntil is { } embargo && embargo <= now)
            {
                return "An embargo must end in the future.";
            }

            document.PublicationStatus = PublicationStatus.Published;
            document.PublishedAt = embargoUntil ?? now; // the moment the public sees it, which feeds and "latest" sort by
            document.EmbargoUntil = embargoUntil;
            return null;
        }, ct);

    /// <summary>Takes a document back to private, whether in review or published.</summary>
    public static Task<string?> UnpublishAsync(PraTrackerDbContext db, Guid documentId, CancellationToken ct = default) =>
        ChangeAsync(db, documentId, document =>
        {
            document.PublicationStatus = PublicationStatus.Private;
            document.PublishedAt = null;
            document.EmbargoUntil = null;
            return null;
        }, ct);

    // Returns why the change was refused, or null once it is saved.
    private static async Task<string?> ChangeAsync(PraTrackerDbContext db, Guid documentId, Func<Document, string?> change, CancellationToken ct)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return "That document no longer exists.";
        }

        if (change(document) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return null;
    }
}
