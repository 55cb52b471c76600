using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Documents.Ocr;

namespace PraTracker.Jobs.Documents;

/// <summary>Queues text extraction: after an upload, when an attorney retries a failed file, and for any upload a restart lost.</summary>
public sealed class DocumentExtraction(IBackgroundJobClient jobs)
{
    public void Enqueue(Guid documentId) => jobs.Enqueue<ExtractDocumentTextJob>(job => job.RunAsync(documentId, CancellationToken.None));

    /// <summary>Queues OCR of a document's scanned pages.</summary>
    public void EnqueueOcr(Guid documentId) => jobs.Enqueue<OcrDocumentJob>(job => job.RunAsync(documentId, CancellationToken.None));

    /// <summary>Queues a look for the vendors, products, agencies and contracts a document names.</summary>
    public void EnqueueMentions(Guid documentId) => jobs.Enqueue<FindMentionsJob>(job => job.RunAsync(documentId, CancellationToken.None));

    /// <summary>Queues a look for names in every document, after names or other names were added.</summary>
    public string EnqueueMentionsEverywhere() => jobs.Enqueue<FindMentionsJob>(job => job.RunEverywhereAsync(CancellationToken.None));

    /// <summary>Queues a look for scans among the PDFs read before OCR could read them; returns the job's id.</summary>
    public string EnqueueUnreadScans() => jobs.Enqueue<FindUnreadScansJob>(job => job.RunAsync(CancellationToken.None));

    /// <summary>Puts a document whose OCR failed or could not run back in the queue; returns why not, or null once queued.</summary>
    public async Task<string?> RetryOcrAsync(PraTrackerDbContext db, Guid documentId, DateTimeOffset now, CancellationToken ct = default)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return "That document no longer exists.";
        }

        if (document.OcrStatus is not (OcrStatus.Failed or OcrStatus.Unavailable))
        {
            return "Only a document whose scanned pages could not be read is tried again.";
        }

        document.OcrStatus = OcrStatus.Pending;
        document.OcrError = null;
        document.OcrPagesDone = 0;
        document.OcrQueuedAt = now;
        await db.SaveChangesAsync(ct);
        EnqueueOcr(documentId);
        return null;
    }

    /// <summary>Puts a failed document back in the queue; returns why it cannot be retried, or null once queued.</summary>
    public async Task<string?> RetryAsync(PraTrackerDbContext db, Guid documentId, CancellationToken ct = default)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return "That document no longer exists.";
        }

        if (document.TextStatus != TextStatus.Failed)
        {
            return "Only a document whose text could not be read is retried.";
        }

        document.TextStatus = TextStatus.Pending;
        document.TextError = null;
        await db.SaveChangesAsync(ct);
        Enqueue(documentId);
        return null;
    }
}

/// <summary>
/// Finds documents still waiting for their text well after upload (the job was lost with an in-memory queue on a
/// restart, or its worker died mid-file) and queues them again; the extraction job skips a document already done.
/// </summary>
public sealed class RequeueStalledExtractionsJob(
    IDbContextFactory<PraTrackerDbContext> dbFactory, DocumentExtraction extraction, OcrSettings ocr, TimeProvider clock, ILogger<RequeueStalledExtractionsJob> logger)
{
    public static readonly TimeSpan StalledAfter = TimeSpan.FromMinutes(15);

    public async Task<string> RunAsync(CancellationToken ct)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
        var before = clock.GetUtcNow() - StalledAfter;
        var stalled = await db.Documents
            .Where(d => (d.TextStatus == TextStatus.Pending || d.TextStatus == TextStatus.Extracting) && d.UploadedAt < before)
            .Select(d => d.Id)
            .ToListAsync(ct);
        foreach (var id in stalled)
        {
            extraction.Enqueue(id);
        }

        // OCR is given its own time limit before it counts as lost.
        var ocrBefore = clock.GetUtcNow() - StalledAfter - ocr.TimeLimit;
        var stalledOcr = await db.Documents
            .Where(d => (d.OcrStatus == OcrStatus.Pending || d.OcrStatus == OcrStatus.Running) && d.OcrQueuedAt < ocrBefore)
            .Select(d => d.Id)
            .ToListAsync(ct);
        foreach (var id in stalledOcr)
        {
            await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(set => set.SetProperty(d => d.OcrQueuedAt, clock.GetUtcNow()), ct);
            extraction.EnqueueOcr(id);
        }

        if (stalledOcr.Count > 0)
        {
            logger.LogWarning("Queued OCR again for {Count} documents waiting longer than their time limit", stalledOcr.Count);
        }

        if (stalled.Count > 0)
        {
            logger.LogWarning("Queued text extraction again for {Count} documents waiting more than {Minutes} minutes", stalled.Count, StalledAfter.TotalMinutes);
        }

        return $"{stalled.Count} documents queued again for text, {stalledOcr.Count} for OCR.";
    }
}

/// <summary>
/// Finds PDFs read before OCR was installed (or before the app read scans at all) whose pages are scans, and queues
/// their OCR: run from the admin page. Only PDFs with a page of little text are opened, one at a time.
/// </summary>
public sealed class FindUnreadScansJob(
    IDbContextFactory<PraTrackerDbContext> dbFactory, IDocumentFileStore store, OcrSettings settings, OcrTools tools, DocumentExtraction queue,
    TimeProvider clock, ILogger<FindUnreadScansJob> logger)
{
    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var status = await tools.GetAsync(ct);
        if (!status.Available)
        {
            return $"Nothing queued: {status.Summary}";
        }

        List<Guid> candidates;
        await using (var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System))
        {
            var minimum = settings.MinCharactersPerPage;
            candidates = await db.Documents
                .Where(d => d.ContentType == "application/pdf" && d.TextStatus == TextStatus.Extracted && d.OcrStatus == OcrStatus.NotNeeded
                    && db.DocumentPages.Any(p => p.DocumentId == d.Id && p.Text.Length < minimum))
                .OrderBy(d => d.UploadedAt).Select(d => d.Id).ToListAsync(ct);
        }

        var queued = 0;
        foreach (var id in candidates)
        {
            await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
            var document = await db.Documents.SingleAsync(d => d.Id == id, ct);
            IReadOnlyList<int> scanned;
            try
            {
                await using var content = await store.OpenForRandomAccessAsync(document.Sha256, ct);
                scanned = DocumentTextExtractor.ScannedPagesOf(content, settings.MinCharactersPerPage);
            }
            catch (Exception e) when (e is FileNotFoundException or UnreadableDocumentException or InvalidOperationException or ArgumentException)
            {
                logger.LogWarning("Document {DocumentId} could not be checked for scanned pages: {Reason}", id, e.Message);
                continue;
            }

            if (scanned.Count == 0)
            {
                continue;
            }

            (document.OcrStatus, document.OcrPagesTotal, document.OcrPagesDone, document.OcrQueuedAt) = (OcrStatus.Pending, scanned.Count, 0, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            queue.EnqueueOcr(id);
            queued++;
        }

        logger.LogInformation("Queued OCR of {Queued} earlier PDFs with scanned pages, of {Candidates} with a page of little text", queued, candidates.Count);
        return $"{queued} of {candidates.Count} PDFs with a page of little text had scanned pages and are queued for OCR.";
    }
}
