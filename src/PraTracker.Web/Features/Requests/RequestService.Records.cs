using PraTracker.Data.Requests;

namespace PraTracker.Web.Features.Requests;

// What came back and who objects: a request's record checklist and vendors' objections to release.
public sealed partial class RequestService
{
    /// <summary>The request's record checklist, as whoever is looking may see it.</summary>
    public Task<IReadOnlyList<ChecklistItemRow>> ChecklistAsync(Guid requestId, CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestChecklist.ListAsync(db, requestId, ct), ct);

    /// <summary>Marks checklist items against a response already on the timeline; staff only.</summary>
    public async Task<IReadOnlyList<string>> MarkChecklistAsync(Guid requestId, IReadOnlyCollection<ChecklistMark> marks, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestChecklist.MarkAsync(db, requestId, marks, ct);
    }

    /// <summary>Logs a response and marks the checklist items it answers in one save; staff only.</summary>
    public async Task<TimelineResult> LogEventAsync(Guid requestId, RequestEventInput input, IReadOnlyCollection<ChecklistMark> marks, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestChecklist.LogAndMarkAsync(db, requestId, input, marks, db.Viewer.UserId, clock.UtcNow, clock.Today, ct);
    }

    /// <summary>Adds a checklist item by hand; staff only.</summary>
    public async Task<IReadOnlyList<string>> AddChecklistItemAsync(Guid requestId, RecordKind kind, string? wording, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestChecklist.AddAsync(db, requestId, kind, wording, ct);
    }

    /// <summary>Removes a checklist item; staff only.</summary>
    public async Task RemoveChecklistItemAsync(Guid itemId, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        await RequestChecklist.RemoveAsync(db, itemId, ct);
    }

    /// <summary>The request's vendor objections, as whoever is looking may see them.</summary>
    public Task<IReadOnlyList<VendorObjectionRow>> ObjectionsAsync(Guid requestId, CancellationToken ct = default) =>
        contexts.ReadAsync(db => VendorObjections.ListAsync(db, requestId, ct), ct);

    /// <summary>The vendors an objection can name; staff only.</summary>
    public async Task<IReadOnlyList<PickOption>> ObjectingVendorsAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await RequestFormOptions.VendorsAsync(db, ct);
    }

    /// <summary>Records a new objection (when <paramref name="objectionId"/> is null) or changes one, with its deadlines; staff only.</summary>
    public async Task<ObjectionResult> SaveObjectionAsync(Guid requestId, Guid? objectionId, VendorObjectionInput input, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return objectionId is { } id
            ? await VendorObjections.UpdateAsync(db, id, input, clock.Today, ct)
            : await VendorObjections.AddAsync(db, requestId, input, clock.UtcNow, clock.Today, ct);
    }

    /// <summary>Marks an objection resolved today, closing its deadlines; staff only.</summary>
    public async Task<ObjectionResult> ResolveObjectionAsync(Guid objectionId, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        return await VendorObjections.ResolveAsync(db, objectionId, clock.Today, clock.Today, ct);
    }

    /// <summary>Removes an objection recorded by mistake, and its deadlines; staff only.</summary>
    public async Task RemoveObjectionAsync(Guid objectionId, CancellationToken ct = default)
    {
        await using var db = await OpenAsStaffAsync(ct);
        await VendorObjections.RemoveAsync(db, objectionId, ct);
    }
}
