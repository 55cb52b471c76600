using PraTracker.Data.Database;
using PraTracker.Data.Exemptions;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Exemptions;

/// <summary>The exemption library's and withholding logs' reads, run as whoever is looking, and staff's changes to them.</summary>
public sealed class ExemptionService(ViewerContextFactory contexts)
{
    public Task<Page<ExemptionRow>> ListAsync(ExemptionFilter filter, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => ExemptionLibrary.ListAsync(db, filter, page, ct), ct);

    public Task<IReadOnlyList<ExemptionLaw>> LawsAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => ExemptionLibrary.LawsAsync(db, ct), ct);

    public async Task<ExemptionInput?> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await ExemptionLibrary.GetForEditAsync(db, id, ct);
    }

    /// <summary>Adds (no id) or edits an exemption; staff only.</summary>
    public async Task<ExemptionSaveResult> SaveAsync(Guid? id, ExemptionInput input, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await ExemptionLibrary.SaveAsync(db, id, input, ct);
    }

    /// <summary>Removes an exemption no withholding invokes; staff only.</summary>
    public async Task<ExemptionSaveResult> RemoveAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await ExemptionLibrary.RemoveAsync(db, id, ct);
    }

    /// <summary>A request's withholding log as the viewer may see it.</summary>
    public Task<IReadOnlyList<WithholdingRow>> EntriesAsync(Guid requestId, CancellationToken ct = default) =>
        contexts.ReadAsync(db => WithholdingLog.EntriesAsync(db, requestId, ct), ct);

    public async Task<WithholdingChoices?> ChoicesAsync(Guid requestId, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await WithholdingLog.ChoicesAsync(db, requestId, ct);
    }

    public async Task<WithholdingInput?> GetEntryForEditAsync(Guid withholdingId, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await WithholdingLog.GetForEditAsync(db, withholdingId, ct);
    }

    /// <summary>Logs (no id) or edits a withholding; staff only.</summary>
    public async Task<ExemptionSaveResult> SaveEntryAsync(Guid requestId, Guid? withholdingId, WithholdingInput input, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await WithholdingLog.SaveAsync(db, requestId, withholdingId, input, ct);
    }

    /// <summary>Removes a withholding and renumbers the log; staff only.</summary>
    public async Task<ExemptionSaveResult> RemoveEntryAsync(Guid requestId, Guid withholdingId, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await WithholdingLog.RemoveAsync(db, requestId, withholdingId, ct);
    }
}
