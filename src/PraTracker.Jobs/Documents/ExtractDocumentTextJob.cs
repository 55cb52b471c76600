using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Documents.Ocr;

namespace PraTracker.Jobs.Documents;

/// <summary>
/// Reads a document's text once it is uploaded, and unpacks what an e-mail or archive holds into child documents,
/// each queued for its own extraction. A file that cannot be read is marked Failed with the reason and the job
/// ends normally, so one bad file never blocks the queue; the attorney can retry it from the document page.
/// </summary>
public sealed class ExtractDocumentTextJob(
    IDbContextFactory<PraTrackerDbContext> dbFactory,
    IDocumentFileStore store,
    DocumentStorageSettings settings,
    IBackgroundJobClient jobs,
    DocumentExtraction queue,
    OcrSettings ocr,
    OcrTools ocrTools,
    TimeProvider clock,
    ILogger<ExtractDocumentTextJob> logger)
{
    /// <summary>How deep e-mails and archives inside each other are unpacked.</summary>
    public ArchiveLimits Limits { get; set; } = ArchiveLimits.Default;

    [AutomaticRetry(Attempts = 3)]
    public async Task<string> RunAsync(Guid documentId, CancellationToken ct)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return "The document no longer exists.";
        }

        if (document.TextStatus is TextStatus.Extracted or TextStatus.NotApplicable)
        {
            return "Already done."; // Hangfire may run a job twice
        }

        var depth = await DepthAsync(db, document, ct);
        document.TextStatus = TextStatus.Extracting;
        document.TextError = null;
        await db.SaveChangesAsync(ct);

        var children = new List<Guid>();
        var skipped = new List<string>();
        try
        {
            if (DocumentFileTypes.KindOf(document.ContentType) is not { } kind)
            {
                throw new UnreadableDocumentException($"Its content type {document.ContentType} is not one the library reads.");
            }

            if (!await store.ExistsAsync(document.Sha256, ct))
            {
                throw new UnreadableDocumentException("Its file is missing from the document store.");
            }

            ExtractedText result;
            await using (var content = await store.OpenForRandomAccessAsync(document.Sha256, ct))
            {
                result = await DocumentTextExtractor.ExtractAsync(kind, content, depth, Limits, async (name, stream, token) =>
                {
                    var (childId, skip) = await DocumentUploads.AddChildAsync(db, store, settings, document, name, stream, clock.GetUtcNow(), token);
                    if (childId is { } id)
                    {
                        children.Add(id);
                    }
                    else
                    {
                        skipped.Add(skip!);
                    }
                }, ct, ocr.MinCharactersPerPage);
            }

            if (result.Pages is { } pages)
            {
                await DocumentPageSearch.SetPagesAsync(db, document.Id, pages, new HashSet<int>(), ct);
            }

            if (result.ScannedPages.Count > 0)
            {
                // Scans are read by OCR in their own job, which can take minutes; the text layer is searchable meanwhile.
                var tools = await ocrTools.GetAsync(ct);
                document.OcrStatus = tools.Available ? OcrStatus.Pending : OcrStatus.Unavailable;
                document.OcrError = tools.Available ? null : tools.Summary;
                document.OcrPagesTotal = result.ScannedPages.Count;
                document.OcrPagesDone = 0;
                document.OcrQueuedAt = clock.GetUtcNow();
            }

            document.ExtractedText = result.Text;
            document.PageCount = result.PageCount;
            document.TextStatus = result.Status;
            document.TextError = skipped.Count > 0
                ? $"{skipped.Count} file(s) inside were not added: {string.Join("; ", skipped)}."
                : result.Note;
            await db.SaveChangesAsync(ct);
        }
        catch (UnreadableDocumentException unreadable)
        {
            // Nothing half-done: the children of a file that failed part-way are taken back.
            await db.Documents.Where(d => children.Contains(d.Id)).ExecuteDeleteAsync(CancellationToken.None);
            children.Clear();
            db.ChangeTracker.Clear();
            await db.Documents.Where(d => d.Id == documentId).ExecuteUpdateAsync(
                set => set.SetProperty(d => d.TextStatus, TextStatus.Failed).SetProperty(d => d.TextError, Truncate(unreadable.Message)), CancellationToken.None);
            logger.LogWarning("Text extraction of document {DocumentId} failed: {Reason}", documentId, unreadable.Message);
            return $"Failed: {unreadable.Message}";
        }

        foreach (var child in children)
        {
            jobs.Enqueue<ExtractDocumentTextJob>(job => job.RunAsync(child, CancellationToken.None));
        }

        if (document.OcrStatus == OcrStatus.Pending)
        {
            queue.EnqueueOcr(documentId);
        }

        if (document.TextStatus == TextStatus.Extracted)
        {
            queue.EnqueueMentions(documentId);
        }

        return $"{document.TextStatus}: {document.PageCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} pages, {children.Count} files inside.";
    }

    private static async Task<int> DepthAsync(PraTrackerDbContext db, Document document, CancellationToken ct)
    {
        var depth = 0;
        var parentId = document.ParentDocumentId;
        while (parentId is { } id && depth < 10)
        {
            depth++;
            parentId = await db.Documents.Where(d => d.Id == id).Select(d => d.ParentDocumentId).SingleOrDefaultAsync(ct);
        }

        return depth;
    }

    private static string Truncate(string text) => text.Length > 4000 ? text[..4000] : text;
}
