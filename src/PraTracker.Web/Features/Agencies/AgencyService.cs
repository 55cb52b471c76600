using PraTracker.Data.Agencies;
using PraTracker.Data.Auditing;
using PraTracker.Data.Database;
using PraTracker.Data.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Agencies;

/// <summary>The agencies pages: reads run as whoever is looking; creating and editing is for staff.</summary>
public sealed class AgencyService(ViewerContextFactory contexts)
{
    public Task<Page<AgencyRow>> ListAsync(string? text, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => AgencyQueries.ListAsync(db, text, page, ct), ct);

    public Task<AgencyDetail?> GetAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => AgencyPages.GetAsync(db, id, ct), ct);

    public Task<IReadOnlyList<PickOption>> LawsAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestFormOptions.LawsAsync(db, ct), ct);

    public async Task<AgencyInput?> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await AgencyPages.GetForEditAsync(db, id, ct);
    }

    public async Task<AgencySaveResult> SaveAsync(Guid? id, AgencyInput input, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return id is { } existing ? await AgencyCommands.UpdateAsync(db, existing, input, ct) : await AgencyCommands.CreateAsync(db, input, ct);
    }

    /// <summary>Who changed it and when; empty for visitors, whom the audit trail's visibility filter never shows it.</summary>
    public Task<IReadOnlyList<AuditRow>> HistoryAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => AuditQueries.HistoryAsync(db, [id], ct: ct), ct);
}
