using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Jobs.Documents;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Documents;

/// <summary>The library's reads, run as whoever is looking, and the attorneys' changes to documents.</summary>
public sealed class DocumentService(
    ViewerContextFactory contexts, IDocumentFileStore store, DocumentStorageSettings settings, DocumentExtraction extraction, OrganisationClock clock,
    LibraryOverviewCache overviews)
{
    public long MaxFileBytes => settings.MaxFileBytes;

    public Task<Page<DocumentRow>> ListAsync(string? text, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => DocumentQueries.ListAsync(db, text, page, ct), ct);

    public Task<Page<DocumentHit>> SearchAsync(string? text, DocumentSearchFilters filters, PageRequest page, DocumentSort sort, CancellationToken ct = default) =>
        contexts.ReadAsync(db => DocumentSearch.SearchAsync(db, text, filters, page, sort, ct), ct);

    public Task<DocumentDetail?> GetAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => LibraryQueries.GetAsync(db, id, ct), ct);

    public Task<List<DocumentLink>> ForRequestAsync(Guid requestId, CancellationToken ct = default) =>
        contexts.ReadAsync(db => LibraryQueries.ForRequestAsync(db, requestId, ct), ct);

    public Task<List<BrowseEntry>> AgenciesAsync(int take, CancellationToken ct = default) =>
        contexts.ReadAsync(db => LibraryQueries.AgenciesAsync(db, take, ct), ct);

    public async Task<LibraryOverview> OverviewAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsync(ct);
        return overviews.Serves(db.Viewer) ? await overviews.GetAsync().WaitAsync(ct) : await LibraryQueries.OverviewAsync(db, ct);
    }

    /// <summary>
    /// Stores one file sent from the browser on a request and queues its text extraction. The size is checked before a
    /// byte is read; <paramref name="open"/> opens the browser's stream with the limit, and progress counts bytes read.
    /// </summary>
    public async Task<UploadResult> UploadAsync(
        Guid requestId, Guid? eventId, string fileName, long size, Func<long, Stream> open, IProgress<long>? progress, CancellationToken ct = default)
    {
        if (size > settings.MaxFileBytes)
        {
            return UploadResult.Refused($"\"{fileName}\": {DocumentRefusedException.TooLarge(settings.MaxFileBytes).Message}");
        }

        await using var db = await contexts.OpenAsStaffAsync(ct);
        await using var content = new ProgressReadStream(open(settings.MaxFileBytes), progress);
        var result = await DocumentUploads.UploadAsync(
            db, store, settings, new UploadInput(requestId, eventId, fileName, content), db.Viewer.UserId, clock.UtcNow, clock.Today, ct);
        if (result is { Succeeded: true, Duplicate: false, DocumentId: { } id })
        {
            extraction.Enqueue(id);
        }

        return result;
    }

    public Task<string?> RetryAsync(Guid id, CancellationToken ct = default) => AsStaffAsync(db => extraction.RetryAsync(db, id, ct), ct);

    public Task<string?> SaveDetailsAsync(Guid id, DocumentDetails details, CancellationToken ct = default) =>
        AsStaffAsync(db => DocumentEdits.SaveDetailsAsync(db, id, details, ct), ct);

    public Task<string?> MarkForReviewAsync(Guid id, CancellationToken ct = default) =>
        ChangePublicationAsync(db => DocumentPublication.MarkForReviewAsync(db, id, ct), ct);

    /// <summary>Publishes now, or from the start of the given day in the organisation's time zone.</summary>
    public Task<string?> PublishAsync(Guid id, DateOnly? embargoUntil, CancellationToken ct = default) =>
        ChangePublicationAsync(db => DocumentPublication.PublishAsync(db, id, clock.UtcNow, embargoUntil is { } day ? clock.StartOf(day) : null, ct), ct);

    public Task<string?> UnpublishAsync(Guid id, CancellationToken ct = default) =>
        ChangePublicationAsync(db => DocumentPublication.UnpublishAsync(db, id, ct), ct);

    public DateOnly Today => clock.Today;

    // What visitors see changed: the home page's overview is read again.
    private async Task<string?> ChangePublicationAsync(Func<PraTrackerDbContext, Task<string?>> change, CancellationToken ct)
    {
        var error = await AsStaffAsync(change, ct);
        overviews.Forget();
        return error;
    }

    private async Task<string?> AsStaffAsync(Func<PraTrackerDbContext, Task<string?>> change, CancellationToken ct)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await change(db);
    }
}
