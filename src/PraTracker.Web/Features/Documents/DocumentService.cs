using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Documents.Mentions;
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

    /// <summary>Each page of the document the query matches, with its hits marked, for the document view.</summary>
    public Task<IReadOnlyDictionary<int, string>> HighlightAsync(Guid id, string? query, CancellationToken ct = default) =>
        contexts.ReadAsync(db => DocumentPageSearch.HighlightAsync(db, id, query, ct), ct);

    /// <summary>What the document names: confirmed links for everyone, suggestions too for staff.</summary>
    public Task<List<MentionView>> MentionsAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => DocumentMentions.ForDocumentAsync(db, id, ct), ct);

    public Task<List<FactTarget>> FactTargetsAsync(Guid mentionId, CancellationToken ct = default) =>
        AsStaffAsync(db => DocumentMentions.FactTargetsAsync(db, mentionId, ct), ct);

    public Task<string?> DecideMentionAsync(Guid mentionId, MentionStatus status, CancellationToken ct = default) =>
        AsStaffAsync(db => DocumentMentions.DecideAsync(db, mentionId, status, clock.UtcNow, ct), ct);

    public Task<string?> CopyFactAsync(Guid mentionId, int factIndex, Guid contractId, ContractField field, CancellationToken ct = default) =>
        AsStaffAsync(db => DocumentMentions.CopyFactAsync(db, mentionId, factIndex, contractId, field, ct), ct);

    public Task<string?> RetryOcrAsync(Guid id, CancellationToken ct = default) => AsStaffAsync(db => extraction.RetryOcrAsync(db, id, clock.UtcNow, ct), ct);

    /// <summary>Confirmed documents naming a vendor or one of its products, for the vendor's page.</summary>
    public Task<Page<MentioningDocument>> MentioningVendorAsync(Guid vendorId, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => DocumentMentions.ForVendorAsync(db, vendorId, page, ct), ct);

    /// <summary>Confirmed documents naming a contract, or its vendor in its agency's releases, for the contract's page.</summary>
    public Task<Page<MentioningDocument>> MentioningContractAsync(Guid contractId, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(async db => await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contractId, ct) is { } contract
            ? await DocumentMentions.ForContractAsync(db, contract, page, ct)
            : new Page<MentioningDocument>([], 0), ct);

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

    private async Task<T> AsStaffAsync<T>(Func<PraTrackerDbContext, Task<T>> change, CancellationToken ct)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await change(db);
    }
}
