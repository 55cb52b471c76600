using PraTracker.Data.Auditing;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Requests;

/// <summary>The lists a request form picks from.</summary>
public sealed record RequestFormChoices(IReadOnlyList<PickOption> Laws, IReadOnlyList<PickOption> Vendors, IReadOnlyList<PickOption> Categories);

/// <summary>What the requests list offers to filter by.</summary>
public sealed record RequestListChoices(IReadOnlyList<PickOption> Vendors, IReadOnlyList<CodeOption> Categories, string? AgencyName);

/// <summary>The requests pages' reads, run as whoever is looking, and the attorneys' changes to a request's timeline.</summary>
public sealed partial class RequestService(ViewerContextFactory contexts, OrganisationClock clock)
{
    public DateOnly Today => clock.Today;

    public Task<Page<RequestRow>> ListAsync(RequestFilter filter, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestQueries.ListAsync(db, filter with { Today = clock.Today }, page, ct), ct);

    /// <summary>The list as the signed-in attorney's own requests ("assigned to me"); for visitors, an empty page.</summary>
    public Task<Page<RequestRow>> ListMineAsync(RequestFilter filter, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => db.Viewer.UserId is { } me
            ? RequestQueries.ListAsync(db, filter with { Today = clock.Today, AssignedUserId = me }, page, ct)
            : Task.FromResult(new Page<RequestRow>([], 0)), ct);

    /// <summary>The vendors and technology categories the list can be filtered by (both public), and the filtered agency's name.</summary>
    public Task<RequestListChoices> FilterChoicesAsync(Guid? agencyId, CancellationToken ct = default) =>
        contexts.ReadAsync(async db => new RequestListChoices(
            await RequestFormOptions.VendorsAsync(db, ct),
            await RequestFormOptions.CategoryCodesAsync(db, ct),
            agencyId is { } id ? await RequestFormOptions.AgencyNameAsync(db, id, ct) : null), ct);

    public Task<RequestDetail?> GetAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestQueries.GetAsync(db, id, ct), ct);

    public async Task<RequestFormChoices> ChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return new RequestFormChoices(
            await RequestFormOptions.LawsAsync(db, ct),
            await RequestFormOptions.VendorsAsync(db, ct),
            await RequestFormOptions.CategoriesAsync(db, ct));
    }

    public async Task<IReadOnlyList<AgencyPick>> SearchAgenciesAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestFormOptions.SearchAgenciesAsync(db, text, ct);
    }

    public async Task<AgencyPick?> FindAgencyAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestFormOptions.FindAgencyAsync(db, id, ct);
    }

    public async Task<IReadOnlyList<PickOption>> ContractsOfAsync(Guid agencyId, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestFormOptions.ContractsOfAsync(db, agencyId, ct);
    }

    /// <summary>The letter for the request being drafted, its checklist worded for its vendors or technology.</summary>
    public async Task<string?> DraftLetterAsync(RequestInput input, IReadOnlyCollection<RecordKind> checklist, string recordsSought, string requesterName, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        var entries = await RequestFormOptions.WordChecklistAsync(db, checklist, input.VendorIds, input.CategoryIds, ct);
        return await RequestFormOptions.DraftLetterAsync(db, input.LawId!.Value, input.AgencyId!.Value, recordsSought, requesterName, clock.Today, entries, ct);
    }

    /// <summary>Creates a request as a draft or as sent, with the checklist it asks for; staff only.</summary>
    public async Task<RequestSaveResult> CreateAsync(RequestInput input, IReadOnlyCollection<RecordKind> checklist, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        input.Checklist = [.. await RequestFormOptions.WordChecklistAsync(db, checklist, input.VendorIds, input.CategoryIds, ct)];
        return await RequestCommands.CreateAsync(db, input, db.Viewer.UserId!, clock.UtcNow, clock.Today, ct);
    }

    public async Task<(RequestInput Input, Guid ConcurrencyStamp, RequestStatus Status)?> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestCommands.GetForEditAsync(db, id, ct);
    }

    /// <summary>Saves an edit made from the given stamp; a concurrent save by someone else is refused, not overwritten.</summary>
    public async Task<RequestSaveResult> UpdateAsync(Guid id, RequestInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestCommands.UpdateAsync(db, id, input, concurrencyStamp, db.Viewer.UserId!, clock.UtcNow, clock.Today, ct);
    }

    /// <summary>Who changed the request and its timeline, and when; empty for visitors, whom the audit trail's visibility filter never shows it.</summary>
    public Task<IReadOnlyList<AuditRow>> HistoryAsync(RequestDetail request, CancellationToken ct = default) =>
        contexts.ReadAsync(db => AuditQueries.HistoryAsync(db, [request.Id, .. request.Events.Select(e => e.Id)], ct: ct), ct);

    /// <summary>Logs an event on the timeline and recomputes the deadlines; staff only.</summary>
    public async Task<TimelineResult> LogEventAsync(Guid requestId, RequestEventInput input, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestTimeline.LogAsync(db, requestId, input, db.Viewer.UserId, clock.UtcNow, clock.Today, ct);
    }

    /// <summary>Removes an event logged by mistake; staff only.</summary>
    public async Task<TimelineResult> RemoveEventAsync(Guid requestId, Guid eventId, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestTimeline.RemoveAsync(db, requestId, eventId, clock.Today, ct);
    }

    /// <summary>Adds a working deadline the attorney chose; staff only.</summary>
    public async Task<IReadOnlyList<string>> AddWorkingDeadlineAsync(Guid requestId, DateOnly dueOn, string reason, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestDeadlines.AddWorkingAsync(db, requestId, dueOn, reason, clock.Today, ct);
    }

    /// <summary>Marks a working deadline done, or removes it; staff only.</summary>
    public async Task CloseWorkingDeadlineAsync(Guid deadlineId, bool remove, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        await RequestDeadlines.CloseWorkingAsync(db, deadlineId, remove, clock.Today, ct);
    }

    // The page hides these controls from visitors; this check is the one that counts.
    private Task<PraTrackerDbContext> OpenAsStaffAsync(CancellationToken ct) => contexts.OpenAsStaffAsync(ct);

}
