using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Documents.Mentions;
using PraTracker.Data.Identity;

namespace PraTracker.Jobs.Documents;

/// <summary>
/// Looks for the vendors, products, agencies and contracts a document names, once its text is read (and again after
/// OCR), or in every document when an admin asks after adding names. Suggestions only: attorneys decide.
/// </summary>
public sealed class FindMentionsJob(IDbContextFactory<PraTrackerDbContext> dbFactory, TimeProvider clock, ILogger<FindMentionsJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task<string> RunAsync(Guid documentId, CancellationToken ct)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
        var matcher = await DocumentMentions.MatcherAsync(db, ct);
        var scan = await DocumentMentions.FindAsync(db, matcher, documentId, clock.GetUtcNow(), ct);
        return $"{scan.Found} things named ({scan.Added} new, {scan.Removed} no longer found), among {matcher.NameCount} names.";
    }

    /// <summary>Every document with text, each saved as it is done; the names are read once.</summary>
    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<string> RunEverywhereAsync(CancellationToken ct)
    {
        NameMatcher matcher;
        await using (var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System))
        {
            matcher = await DocumentMentions.MatcherAsync(db, ct);
        }

        // The ids are read first (16 bytes each), so documents added meanwhile wait for their own job.
        List<Guid> ids;
        await using (var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System))
        {
            ids = await db.Documents.Where(d => d.TextStatus == TextStatus.Extracted).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        }

        int documents = 0, added = 0;
        foreach (var id in ids)
        {
            await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
            added += (await DocumentMentions.FindAsync(db, matcher, id, clock.GetUtcNow(), ct)).Added;
            documents++;
        }

        logger.LogInformation("Looked for {Names} names in {Documents} documents: {Added} new suggestions", matcher.NameCount, documents, added);
        return $"Looked in {documents} documents for {matcher.NameCount} names: {added} new suggestions.";
    }
}
