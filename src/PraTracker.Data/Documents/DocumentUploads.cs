using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents;

/// <summary>One file sent to a request (and, usually, the production event it came with).</summary>
public sealed record UploadInput(Guid RequestId, Guid? RequestEventId, string FileName, Stream Content);

/// <summary>What became of an upload: the document (new, or the one already holding the same file), or why it was refused.</summary>
public sealed record UploadResult(Guid? DocumentId, bool Duplicate, string? Error)
{
    public bool Succeeded => Error is null;

    public static UploadResult Refused(string error) => new(null, false, error);
}

/// <summary>
/// Adds released files to requests: checks the name and the first bytes against the accepted types, stores the file
/// once under its SHA-256, and creates a private document whose text a job extracts next.
/// </summary>
public static class DocumentUploads
{
    public const int MaxFileNameLength = 255;

    public static async Task<UploadResult> UploadAsync(
        PraTrackerDbContext db, IDocumentFileStore store, DocumentStorageSettings settings, UploadInput input, string? userId, DateTimeOffset now,
        DateOnly today, CancellationToken ct = default)
    {
        var fileName = CleanFileName(input.FileName);
        if (fileName is null)
        {
            return UploadResult.Refused("The file has no usable name.");
        }

        if (NotAccepted(fileName) is { } notAccepted)
        {
            return UploadResult.Refused(notAccepted);
        }

        var request = await db.Requests.Where(r => r.Id == input.RequestId).Select(r => new { r.Id }).SingleOrDefaultAsync(ct);
        if (request is null)
        {
            return UploadResult.Refused("That request no longer exists.");
        }

        var releasedOn = today;
        if (input.RequestEventId is { } eventId)
        {
            var occurredOn = await db.RequestEvents.Where(e => e.Id == eventId && e.RequestId == input.RequestId).Select(e => (DateOnly?)e.OccurredOn).SingleOrDefaultAsync(ct);
            if (occurredOn is null)
            {
                return UploadResult.Refused("That timeline event is not on this request.");
            }

            releasedOn = occurredOn.Value;
        }

        var (document, existing, error) = await PrepareAsync(db, store, settings, input.RequestId, fileName, input.Content, userId, now, releasedOn, ct);
        if (error is not null)
        {
            return UploadResult.Refused(error);
        }

        // The same file on the same request is one document: say so instead of listing it twice.
        if (existing is not null)
        {
            return new UploadResult(existing, Duplicate: true, null);
        }

        document!.RequestEventId = input.RequestEventId;
        db.Documents.Add(document);
        await db.SaveChangesAsync(ct);
        return new UploadResult(document.Id, Duplicate: false, null);
    }

    /// <summary>
    /// Stores a file for a request and returns its private document, not yet added to the context, so the caller
    /// saves it in one go with what it belongs to (a timeline event, an e-mail); or the id of the request's document
    /// already holding the same file; or why the file was refused.
    /// </summary>
    public static async Task<(Document? Added, Guid? Existing, string? Error)> PrepareAsync(
        PraTrackerDbContext db, IDocumentFileStore store, DocumentStorageSettings settings, Guid requestId, string fileName, Stream content, string? userId,
        DateTimeOffset now, DateOnly releasedOn, CancellationToken ct = default)
    {
        var cleaned = CleanFileName(fileName);
        if (cleaned is null || DocumentFileTypes.Identify(cleaned) is not var (kind, contentType))
        {
            return (null, null, NotAccepted(cleaned ?? fileName) ?? "The file has no usable name.");
        }

        StoredFile stored;
        try
        {
            stored = await StoreCheckedAsync(store, settings, content, cleaned, kind, contentType, ct);
        }
        catch (DocumentRefusedException refused)
        {
            return (null, null, $"\"{cleaned}\": {refused.Message}");
        }

        var existing = await db.Documents.Where(d => d.RequestId == requestId && d.Sha256 == stored.Sha256).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        return existing is not null
            ? (null, existing, null)
            : (NewDocument(requestId, null, null, cleaned, contentType, stored, userId, now, releasedOn), null, null);
    }

    /// <summary>
    /// Adds a file found inside an e-mail or an archive as a private child document of it, on the same request;
    /// returns the new document's id, or why the file was skipped. A file the request already holds is not added again.
    /// </summary>
    public static async Task<(Guid? DocumentId, string? Skipped)> AddChildAsync(
        PraTrackerDbContext db, IDocumentFileStore store, DocumentStorageSettings settings, Document parent, string fileName, Stream content, DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (DocumentFileTypes.Identify(fileName) is not var (kind, contentType))
        {
            return (null, $"{fileName} (not a type the library takes)");
        }

        StoredFile stored;
        try
        {
            stored = await StoreCheckedAsync(store, settings, content, fileName, kind, contentType, ct);
        }
        catch (DocumentRefusedException refused)
        {
            return (null, $"{fileName} ({refused.Message})");
        }

        if (await db.Documents.AnyAsync(d => d.RequestId == parent.RequestId && d.Sha256 == stored.Sha256, ct))
        {
            return (null, $"{fileName} (already on this request)");
        }

        var child = NewDocument(parent.RequestId, parent.RequestEventId, parent.Id, fileName, contentType, stored, parent.UploadedByUserId, now, parent.ReleasedOn);
        db.Documents.Add(child);
        await db.SaveChangesAsync(ct);
        return (child.Id, null);
    }

    // Every new document starts private, its text still to be read.
    private static Document NewDocument(
        Guid requestId, Guid? requestEventId, Guid? parentId, string fileName, string contentType, StoredFile stored, string? userId, DateTimeOffset now,
        DateOnly releasedOn) => new()
        {
            RequestId = requestId,
            RequestEventId = requestEventId,
            ParentDocumentId = parentId,
            Title = Path.GetFileNameWithoutExtension(fileName),
            FileName = fileName,
            ContentType = contentType,
            SizeBytes = stored.SizeBytes,
            Sha256 = stored.Sha256,
            TextStatus = TextStatus.Pending,
            PublicationStatus = PublicationStatus.Private,
            UploadedByUserId = userId,
            UploadedAt = now,
            ReleasedOn = releasedOn,
        };

    // Stores the file unless it is empty, too large, or its first bytes belie its name.
    private static Task<StoredFile> StoreCheckedAsync(
        IDocumentFileStore store, DocumentStorageSettings settings, Stream content, string fileName, DocumentKind kind, string contentType, CancellationToken ct) =>
        store.SaveAsync(content, settings.MaxFileBytes, head =>
        {
            if (!DocumentFileTypes.ContentMatches(kind, contentType, head))
            {
                throw new DocumentRefusedException($"its content is not what its name says (a {Path.GetExtension(fileName)} file), so it was not stored.");
            }
        }, ct);

    private static string? NotAccepted(string fileName) =>
        DocumentFileTypes.Identify(fileName) is null ? $"\"{fileName}\" is not a type the library takes: {DocumentFileTypes.Accepted}." : null;

    /// <summary>The last segment of a name a browser or an archive gave, without control characters; null when nothing is left.</summary>
    public static string? CleanFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var last = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var cleaned = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        if (cleaned is "" or "." or "..")
        {
            return null;
        }

        return cleaned.Length <= MaxFileNameLength ? cleaned : cleaned[..(MaxFileNameLength - Path.GetExtension(cleaned).Length)] + Path.GetExtension(cleaned);
    }
}
