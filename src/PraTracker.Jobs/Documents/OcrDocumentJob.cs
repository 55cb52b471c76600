using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Documents.Ocr;

namespace PraTracker.Jobs.Documents;

/// <summary>
/// Reads a PDF's scanned pages by OCR (OCRmyPDF with Tesseract), one document at a time within its time limit, and
/// keeps the searchable PDF it makes beside the original, which is never altered. The pages' text joins the
/// document's text and its page index, so search finds and names them; progress is saved page by page for the
/// document page to show. A file OCR cannot read is marked Failed with the reason, for an attorney to retry; an
/// unexpected error is marked too and retried by Hangfire.
/// </summary>
public sealed class OcrDocumentJob(
    IDbContextFactory<PraTrackerDbContext> dbFactory,
    IDocumentFileStore store,
    OcrSettings settings,
    OcrTools tools,
    OcrRunner runner,
    DocumentExtraction queue,
    TimeProvider clock,
    ILogger<OcrDocumentJob> logger)
{
    /// <summary>Progress is written at most this often, so a fast run does not write a row per page.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    [AutomaticRetry(Attempts = 2)]
    public async Task<string> RunAsync(Guid documentId, CancellationToken ct)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return "The document no longer exists.";
        }

        if (document.OcrStatus is OcrStatus.Done or OcrStatus.NotNeeded)
        {
            return "Already done."; // Hangfire may run a job twice
        }

        var status = await tools.GetAsync(ct);
        if (!status.Available)
        {
            document.OcrStatus = OcrStatus.Unavailable;
            document.OcrError = status.Summary;
            await db.SaveChangesAsync(ct);
            return $"Unavailable: {status.Summary}";
        }

        var work = Directory.CreateTempSubdirectory("pratracker-ocr-");
        try
        {
            var input = Path.Combine(work.FullName, "original.pdf");
            await using (var original = await store.OpenReadAsync(document.Sha256, ct))
            await using (var copy = File.Create(input))
            {
                await original.CopyToAsync(copy, ct);
            }

            List<int> scanned;
            await using (var copy = File.OpenRead(input))
            {
                scanned = [.. DocumentTextExtractor.ScannedPagesOf(copy, settings.MinCharactersPerPage)];
            }

            if (scanned.Count == 0)
            {
                document.OcrStatus = OcrStatus.NotNeeded;
                await db.SaveChangesAsync(ct);
                return "No scanned pages.";
            }

            document.OcrStatus = OcrStatus.Running;
            document.OcrError = null;
            document.OcrPagesDone = 0;
            document.OcrPagesTotal = scanned.Count;
            await db.SaveChangesAsync(ct);

            var lastWritten = DateTimeOffset.MinValue;
            var output = await runner.RunAsync(input, work.FullName, scanned, async (done, total) =>
            {
                var now = clock.GetUtcNow();
                if (done < total && now - lastWritten < ProgressInterval)
                {
                    return;
                }

                lastWritten = now;
                await using var progress = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
                await progress.Documents.Where(d => d.Id == documentId)
                    .ExecuteUpdateAsync(set => set.SetProperty(d => d.OcrPagesDone, done).SetProperty(d => d.OcrPagesTotal, total), ct);
            }, ct);

            StoredFile searchable;
            await using (var pdf = File.OpenRead(output.SearchablePdfPath))
            {
                // The original passed the size limit; what OCR adds to it is not held against the upload's limit.
                searchable = await store.SaveAsync(pdf, long.MaxValue, ct: ct);
            }

            // The pages' text: what the text layer had, and what OCR read where the page was a scan.
            var pages = await db.DocumentPages.Where(p => p.DocumentId == documentId).OrderBy(p => p.Number).Select(p => p.Text).ToListAsync(ct);
            // A document read before pages were kept has none yet: every page OCR returned gets one.
            var pageCount = Math.Max(document.PageCount ?? 0, output.PageTexts.Keys.DefaultIfEmpty(0).Max());
            while (pages.Count < pageCount)
            {
                pages.Add("");
            }

            var read = new HashSet<int>();
            foreach (var (number, text) in output.PageTexts)
            {
                if (number >= 1 && number <= pages.Count)
                {
                    pages[number - 1] = text.Trim();
                    read.Add(number);
                }
            }

            await DocumentPageSearch.SetPagesAsync(db, documentId, pages, read, ct);
            document.ExtractedText = string.Join(DocumentTextExtractor.PageBreak, pages);
            document.PageCount = pages.Count;
            document.OcrStatus = OcrStatus.Done;
            document.OcrPagesDone = scanned.Count;
            document.OcrFinishedAt = clock.GetUtcNow();
            document.SearchableSha256 = searchable.Sha256;
            document.SearchableSizeBytes = searchable.SizeBytes;
            await db.SaveChangesAsync(ct);
            queue.EnqueueMentions(documentId);
            logger.LogInformation("OCR read {Pages} scanned pages of document {DocumentId}", read.Count, documentId);
            return $"Read {read.Count} of {scanned.Count} scanned pages.";
        }
        catch (OcrFailedException failed)
        {
            await MarkFailedAsync(documentId, failed.Message);
            logger.LogWarning("OCR of document {DocumentId} failed: {Reason}", documentId, failed.Message);
            return $"Failed: {failed.Message}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await MarkFailedAsync(documentId, "OCR stopped on an unexpected error; it is tried again shortly.");
            throw;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task MarkFailedAsync(Guid documentId, string reason)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(CancellationToken.None)).ViewAs(Viewer.System);
        await db.Documents.Where(d => d.Id == documentId).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.OcrStatus, OcrStatus.Failed).SetProperty(d => d.OcrError, reason.Length > 4000 ? reason[..4000] : reason),
            CancellationToken.None);
    }
}
