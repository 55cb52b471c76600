using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Documents;
using PraTracker.Jobs.Documents.Ocr;

namespace PraTracker.Web.Features.Admin;

/// <summary>How many documents stand where in OCR: waiting or being read, failed, or left unread because OCR is missing.</summary>
public sealed record OcrQueueStatus(int Waiting, int Failed, int Unavailable);

/// <summary>
/// The admin page's reads about the server: whether e-mail is on and how deadline alerts are going, whether OCR can
/// run here and how scanned documents are going; and looking for names in every document again.
/// </summary>
public sealed class AdminService(
    IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, PraTracker.Jobs.Email.SmtpSettings smtp, OcrTools ocr, DocumentExtraction extraction)
{
    /// <summary>Where deadline alerts go out, or null when e-mail is off (no Smtp:Host).</summary>
    public string? MailServer => smtp.Enabled ? $"{smtp.Host}:{smtp.Port} ({smtp.Security}), from {smtp.From}" : null;

    public async Task<AlertLedgerStatus> AlertStatusAsync(CancellationToken ct = default)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
        return await ReminderLedger.StatusAsync(db, clock.UtcNow, ct);
    }

    /// <summary>Whether OCRmyPDF and Tesseract (with the configured languages) are installed, as checked at start-up.</summary>
    public Task<OcrToolsStatus> OcrToolsAsync(CancellationToken ct = default) => ocr.GetAsync(ct);

    /// <summary>Checks the OCR tools again, after an operator installed them.</summary>
    public Task<OcrToolsStatus> CheckOcrToolsAsync(CancellationToken ct = default) => ocr.CheckAsync(ct);

    public async Task<OcrQueueStatus> OcrQueueAsync(CancellationToken ct = default)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
        var counts = await db.Documents.Where(d => d.OcrStatus != OcrStatus.NotNeeded && d.OcrStatus != OcrStatus.Done)
            .GroupBy(d => d.OcrStatus).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new OcrQueueStatus(
            counts.GetValueOrDefault(OcrStatus.Pending) + counts.GetValueOrDefault(OcrStatus.Running),
            counts.GetValueOrDefault(OcrStatus.Failed),
            counts.GetValueOrDefault(OcrStatus.Unavailable));
    }

    /// <summary>Queues a look for every vendor, product, agency and contract name in every document; returns the job's id.</summary>
    public string FindMentionsEverywhere() => extraction.EnqueueMentionsEverywhere();

    /// <summary>Queues a look for scans among PDFs read before OCR could read them; returns the job's id.</summary>
    public string FindUnreadScans() => extraction.EnqueueUnreadScans();
}
